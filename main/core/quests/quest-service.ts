import { randomUUID } from 'node:crypto';
import type { ContentItem } from '../../../preload/api';
import type { QuestDocument, QuestDraft, QuestLink, QuestProblemView, QuestSummary } from '../../../preload/contract/quests';
import type { DialogueNode } from '../../domain/dialogue/dialogue-schema';
import type { QuestOutline } from '../../domain/dialogue/reference-rules';
import { Difficulty, loadQuest, newQuest, Quest, validateQuests, type DialogueQuestAction } from '../../domain/quest';
import { questOutline } from '../../domain/quest/quest-outline';
import { describeIssues, RecordError } from '../../domain/records/versioned-record';
import { AppError } from '../app-error';
import type { ContentStore, FieldQuery } from '../content/content-store';
import type { DialogueStore } from '../dialogues/dialogue-store';
import type { WorldStore } from './world-store';

const KIND = 'quest';

/** The list reads these straight from the stored records; old notes-only quests simply lack them. */
const SUMMARY_FIELDS = {
  giver: '$.giverNpcId',
  tags: '$.tags',
  level: '$.level',
  difficulty: '$.difficulty',
  prerequisites: '$.prerequisites.quests',
  unlocks: { pluck: '$.questId', from: '$.rewards', where: ['$.type', 'unlockQuest'] },
  stageCount: { length: '$.stages' },
} satisfies Record<string, FieldQuery>;

const itemName = (quest: Quest) => quest.title.trim() || 'Untitled quest';
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const toDocument = (item: ContentItem, quest: Quest): QuestDocument => ({
  id: item.id,
  revision: item.revision,
  updatedAt: item.updatedAt,
  quest,
});

/** A quest as loaded from an item's stored name and text (undefined when it no longer loads). */
interface LoadedQuest {
  name: string;
  text: string;
  quest: Quest | undefined;
}

/**
 * Per open project, each quest as validation last loaded it. Validation reads every quest,
 * and parsing and checking thousands of records against the schema costs far more than
 * reading their text, so a quest is parsed again only when its stored text or name changed.
 */
const validated = new WeakMap<ContentStore, Map<string, LoadedQuest>>();

export interface QuestSources {
  content: ContentStore;
  dialogues: DialogueStore;
  world: WorldStore;
}

/**
 * Quests over the project's content items: an item of kind `quest` whose data is the quest
 * record, migrated when read and written whole, one revision per save, so history, restore
 * and search work as for any item. Validation reads the NPCs, items, locations and the quest
 * actions of every dialogue.
 */
export class QuestService {
  constructor(private readonly sources: QuestSources) {}

  private get content() {
    return this.sources.content;
  }

  list(): QuestSummary[] {
    return this.content.listFields(KIND, SUMMARY_FIELDS).map(({ id, name, revision, updatedAt, fields }) => {
      const difficulty = Difficulty.safeParse(fields.difficulty);
      return {
        id,
        title: name,
        giverNpcId: typeof fields.giver === 'string' ? fields.giver : null,
        tags: strings(fields.tags),
        level: typeof fields.level === 'number' ? fields.level : 1,
        difficulty: difficulty.success ? difficulty.data : 'normal',
        stageCount: typeof fields.stageCount === 'number' ? fields.stageCount : 0,
        prerequisiteIds: strings(fields.prerequisites),
        unlockIds: strings(fields.unlocks),
        revision,
        updatedAt,
      };
    });
  }

  get(id: string): QuestDocument {
    this.assertQuest(id);
    const item = this.content.get(id);
    return toDocument(item, this.load(item));
  }

  create(title: string, draft: QuestDraft = {}): QuestDocument {
    const id = randomUUID();
    const parsed = Quest.safeParse({ ...newQuest({ id, name: title }), ...draft, title: draft.title?.trim() || title });
    if (!parsed.success) throw new AppError('invalid_input', `The quest is not valid: ${describeIssues(parsed.error)}`);
    const item = this.content.create(KIND, itemName(parsed.data), parsed.data, parsed.data, id);
    return toDocument(item, parsed.data);
  }

  save(id: string, quest: Quest, baseRevision?: number): QuestDocument {
    this.assertQuest(id);
    const record = { ...quest, id };
    const item = this.content.save(id, { name: itemName(record), data: record, baseRevision });
    return toDocument(item, record);
  }

  /** Returns the deleted item's last revision, for the change event. */
  delete(id: string): number {
    this.assertQuest(id);
    this.content.delete(id);
    return this.content.row(id).revision;
  }

  /** Every quest of the project as it is stored now, read in one query; quests that no longer load are left to `quests:get` to report. */
  all(): Quest[] {
    return this.content.listFields(KIND, { data: '$' }).flatMap(({ id, name, fields }) => loadStored(fields.data, id, name) ?? []);
  }

  /** What dialogues name of each quest, by title; read through the validation cache, so unchanged quests are not parsed again. */
  outlines(): QuestOutline[] {
    return this.allForValidation()
      .map(questOutline)
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  /** The same quests as `all()`, for validation only: unchanged ones come from the project's cache, shared between calls. */
  private allForValidation(): Quest[] {
    let cache = validated.get(this.content);
    if (!cache) validated.set(this.content, (cache = new Map()));
    const live = new Set<string>();
    const quests: Quest[] = [];
    for (const { id, name, data } of this.content.listText(KIND)) {
      live.add(id);
      let loaded = cache.get(id);
      if (loaded?.text !== data || loaded.name !== name) {
        loaded = { name, text: data, quest: loadStored(JSON.parse(data), id, name) };
        cache.set(id, loaded);
      }
      if (loaded.quest) quests.push(loaded.quest);
    }
    for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
    return quests;
  }

  validate(id?: string): QuestProblemView[] {
    if (id !== undefined) this.assertQuest(id);
    const npcs = new Set(this.content.list('npc').map((npc) => npc.id));
    const items = this.sources.world.ids('item');
    const locations = this.sources.world.ids('location');
    const problems = validateQuests(this.allForValidation(), {
      npcExists: (npcId) => npcs.has(npcId),
      itemExists: (itemId) => items.has(itemId),
      locationExists: (locationId) => locations.has(locationId),
      dialogueActions: this.dialogueActions(),
    });
    return id === undefined ? problems : problems.filter((problem) => problem.questId === id);
  }

  links(id: string): QuestLink[] {
    this.assertQuest(id);
    return this.dialogueActions()
      .filter(({ action }) => action.questId === id)
      .map(({ dialogueId, dialogueName, nodeId, action }) => ({
        dialogueId,
        dialogueName,
        nodeId,
        action: action.type,
        detail:
          action.type === 'completeObjective' ? action.objectiveId : action.type === 'advanceQuest' ? action.stage?.toString() : undefined,
      }));
  }

  /** Quest actions of every dialogue, in dialogue list order then node order. */
  private dialogueActions(): DialogueQuestAction[] {
    const found: DialogueQuestAction[] = [];
    for (const summary of this.sources.dialogues.list()) {
      const { dialogue } = this.sources.dialogues.get(summary.id);
      for (const node of Object.values(dialogue.nodes) as DialogueNode[]) {
        if (node.kind !== 'action') continue;
        for (const action of node.actions) {
          if ('questId' in action) found.push({ dialogueId: dialogue.id, dialogueName: dialogue.name, nodeId: node.id, action });
        }
      }
    }
    return found;
  }

  private assertQuest(id: string): void {
    if (this.content.kindOf(id) !== KIND) throw new AppError('not_found', `No quest with id ${id} in this project.`);
  }

  private load(item: ContentItem): Quest {
    try {
      return loadQuest(item.data, { id: item.id, name: item.name });
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      throw new AppError(error.code === 'record_too_new' ? 'project_too_new' : 'project_corrupt', error.message);
    }
  }
}

/** A stored quest of any version, or undefined when it no longer loads (`quests:get` reports why). */
function loadStored(data: unknown, id: string, name: string): Quest | undefined {
  try {
    return loadQuest(data, { id, name });
  } catch (error) {
    if (error instanceof RecordError) return undefined;
    throw error;
  }
}
