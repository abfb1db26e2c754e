import type { Quest } from '../../../../main/domain/quest';
import type { QuestDocument } from '../../../../preload/contract/quests';
import type { DocumentKind } from '../../documents/document-session';
import { issueProblems, pathName } from '../../documents/schema-problems';

type QuestSave = { id: string; quest: Quest; baseRevision: number };

const stored = (doc: QuestDocument) => ({ revision: doc.revision, updatedAt: doc.updatedAt });

/** A quest is saved whole (`quests:save`); a refusal names the field (`title`, `stages.0.objectives.1.count`). */
export const questDocumentKind = (id: string): DocumentKind<Quest, QuestSave> => ({
  load: async (api) => {
    const doc = await api.call('quests:get', { id });
    return { value: doc.quest, ...stored(doc) };
  },
  request: (quest, _saved, baseRevision) => ({ input: { id, quest, baseRevision }, stored: quest }),
  send: async (api, input) => stored(await api.call('quests:save', input)),
  locate: (_input, issues) => issueProblems(issues, (path) => ({ field: pathName(path[0] === 'quest' ? path.slice(1) : path) })),
});
