import type { ContentItem } from '../../../preload/api';
import { loadQuest } from '../../../main/domain/quest';

/** A stored quest revision in a few lines for the history drawer, whatever format version it has. */
export function describeQuestRevision(item: ContentItem): string {
  try {
    const quest = loadQuest(item.data, { id: item.id, name: item.name });
    const stages = quest.stages.map((stage, i) => `${i + 1}. ${stage.title || stage.id} (${stage.objectives.length} objectives)`);
    return [`${quest.title} · level ${quest.level} · ${quest.difficulty}`, quest.summary, ...stages].filter(Boolean).join('\n');
  } catch (error) {
    return (error as Error).message;
  }
}
