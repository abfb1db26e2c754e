import { randomUUID } from 'node:crypto';
import type { ContentItem } from '../../../preload/api';
import type { QuestDocument, QuestDraft, QuestLink, QuestProblemView, QuestSummary } from '../../../preload/contract/quests';
import type { Dialogue, DialogueNode } from '../../domain/dialogue/dialogue-schema';
import type { QuestOutline } from '../../domain/dialogue/reference-rules';
import { Difficulty, loadQuest, newQuest, Quest, validateQuests, type DialogueQuestAction } from '../../domain/quest';
import { questOutline } from '../../domain/quest/quest-outline';
import { describeIssues, RecordError } from '../../domain/records/versioned-record';
import { AppError } from '../app-error';
import type { ContentStore, ItemText } from '../content/content-store';
import { RevisionCache } from '../content/revision-cache';
import { eventLoopTurns } from '../event-loop-turns';
import type { DialogueStore } from '../dialogues/dialogue-store';
import type { WorldStore } from './world-store';

const KIND = 'quest';

/** Quest titles in the order a creator reads them; one collator, since `localeCompare` makes one per call. */
const TITLE_ORDER = new Intl.Collator();

/** A quest as parsed, with what dialogues name of it. */
interface ParsedQuest {
  quest: Quest;
  outline: QuestOutline;
}

const itemName = (quest: Quest) => quest.title.trim() || 'Untitled quest';
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const toDocument = (item: ContentItem, quest: Quest): QuestDocument => ({
  id: item.id,
  revision: item.revision,
  updatedAt: item.updatedAt,
  quest,
});

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
  /** Each quest's summary and parsed record, and the quest actions of each dialogue, kept until the item's next revision. */
  private readonly summaries: RevisionCache<QuestSummary>;
  private readonly parsed: RevisionCache<ParsedQuest | undefined>;
  private readonly actions: RevisionCache<DialogueQuestAction[]>;
  private sortedOutlines: { of: readonly (ParsedQuest | undefined)[]; outlines: QuestOutline[] } | undefined;

  constructor(private readonly sources: QuestSources) {
    this.summaries = new RevisionCache(sources.content, KIND, summaryOf);
    this.parsed = new RevisionCache(sources.content, KIND, ({ id, name, data }) => {
      const quest = loadStored(JSON.parse(data), id, name);
      return quest && { quest, outline: questOutline(quest) };
    });
    this.actions = new RevisionCache(sources.content, 'dialogue', ({ id }) => questActionsOf(sources.dialogues.get(id).dialogue));
  }

  private get content() {
    return this.sources.content;
  }

  /**
   * Reads what changed since the last call, a few items at a time, so the first look at a
   * project of thousands of quests does not hold the event loop: the quests' summaries for
   * `list`, or the parsed quests and the dialogues' quest actions for the checks, outlines
   * and links. Handlers await it before answering; the methods then find it all made.
   */
  async ready(part: 'list' | 'checks'): Promise<void> {
    const turn = eventLoopTurns();
    if (part === 'list') return this.summaries.fill(turn);
    await this.parsed.fill(turn);
    await this.actions.fill(turn);
  }

  /** The quests' summaries in list order; each is read from its stored JSON once per revision. */
  list(): QuestSummary[] {
    return this.summaries.all();
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
    return this.content.head(id).revision;
  }

  /**
   * Every quest of the project as it is stored now; quests that no longer load are left to
   * `quests:get` to report. Quests unchanged since the last call are not read or parsed
   * again, so they are shared: callers must not change them.
   */
  all(): Quest[] {
    return this.parsed.all().flatMap((parsed) => (parsed ? [parsed.quest] : []));
  }

  /** What dialogues name of each quest, by title; made again only when a quest changed. */
  outlines(): QuestOutline[] {
    const parsed = this.parsed.all();
    if (this.sortedOutlines?.of !== parsed) {
      const outlines = parsed.flatMap((quest) => (quest ? [quest.outline] : [])).sort((a, b) => TITLE_ORDER.compare(a.title, b.title));
      this.sortedOutlines = { of: parsed, outlines };
    }
    return this.sortedOutlines.outlines;
  }

  validate(id?: string): QuestProblemView[] {
    if (id !== undefined) this.assertQuest(id);
    const npcs = new Set(this.content.heads('npc').map((npc) => npc.id));
    const items = this.sources.world.ids('item');
    const locations = this.sources.world.ids('location');
    return validateQuests(
      this.all(),
      {
        npcExists: (npcId) => npcs.has(npcId),
        itemExists: (itemId) => items.has(itemId),
        locationExists: (locationId) => locations.has(locationId),
        dialogueActions: this.dialogueActions(),
      },
      id,
    );
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
    return this.actions.all().flat();
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

/** The list's fields of a stored quest, read from its JSON; old notes-only quests simply lack them. */
function summaryOf({ id, name, revision, updatedAt, data }: ItemText): QuestSummary {
  const quest = JSON.parse(data) as Record<string, unknown>;
  const prerequisites = quest.prerequisites as { quests?: unknown } | undefined;
  const rewards = Array.isArray(quest.rewards) ? (quest.rewards as Record<string, unknown>[]) : [];
  const difficulty = Difficulty.safeParse(quest.difficulty);
  return {
    id,
    title: name,
    giverNpcId: typeof quest.giverNpcId === 'string' ? quest.giverNpcId : null,
    tags: strings(quest.tags),
    level: typeof quest.level === 'number' ? quest.level : 1,
    difficulty: difficulty.success ? difficulty.data : 'normal',
    stageCount: Array.isArray(quest.stages) ? quest.stages.length : 0,
    prerequisiteIds: strings(prerequisites?.quests),
    unlockIds: strings(rewards.filter((reward) => reward?.type === 'unlockQuest').map((reward) => reward.questId)),
    revision,
    updatedAt,
  };
}

/** The quest actions of a dialogue's action nodes, in node order. */
function questActionsOf(dialogue: Dialogue): DialogueQuestAction[] {
  const found: DialogueQuestAction[] = [];
  for (const node of Object.values(dialogue.nodes) as DialogueNode[]) {
    if (node.kind !== 'action') continue;
    for (const action of node.actions) {
      if ('questId' in action) found.push({ dialogueId: dialogue.id, dialogueName: dialogue.name, nodeId: node.id, action });
    }
  }
  return found;
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
