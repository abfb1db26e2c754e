import { randomUUID } from 'node:crypto';
import type { CardFile, CardImportChoice, NpcDocument, NpcDraft, NpcSummary } from '../../../preload/contract/npcs';
import type { ContentItem } from '../../../preload/api';
import { cardOverNpc, comparableName, distinctNpcName, newNpcPersona, NpcPersona } from '../../domain/npc';
import { describeIssues } from '../../domain/records/versioned-record';
import { AppError } from '../app-error';
import type { ContentStore, ItemText } from '../content/content-store';
import { RevisionCache } from '../content/revision-cache';
import { isHeavyItem } from '../workers/heavy-writes';
import { runInWorker } from '../workers/run-in-worker';
import {
  isSmallCard,
  npcItemName as itemName,
  readCardName,
  writeCardFile,
  type CardContent,
  type ReadCard,
  SMALL_CARD_CHARS,
} from './card-tasks';
import { loadNpcItem } from './npc-load';

const KIND = 'npc';

/** The list's fields of a stored NPC, read from its JSON; old notes-only NPCs simply lack them. */
function summaryOf({ id, name, revision, updatedAt, data }: ItemText): NpcSummary {
  const npc = JSON.parse(data) as Record<string, unknown>;
  const avatar = npc.avatar as { kind?: unknown } | null | undefined;
  return {
    id,
    name,
    role: typeof npc.role === 'string' ? npc.role : '',
    tags: Array.isArray(npc.tags) ? npc.tags.filter((t): t is string => typeof t === 'string') : [],
    hasAvatar: typeof avatar?.kind === 'string',
    revision,
    updatedAt,
  };
}

/** A new NPC's persona, with a fresh id: what "New NPC" and `npcs:create` write. */
export const newNpc = (name: string, draft: NpcDraft = {}): NpcPersona => ({ ...newNpcPersona({ id: randomUUID(), name }), ...draft });

const toDocument = (item: ContentItem, persona: NpcPersona): NpcDocument => ({
  id: item.id,
  revision: item.revision,
  updatedAt: item.updatedAt,
  persona,
});

/** How many parsed NPCs are kept: those a creator has open, chats with and plays dialogues of. */
const KEPT_NPCS = 16;

/**
 * NPC personas over the project's content items: an item of kind `npc` whose data is the
 * persona record. Records are migrated when read, so NPCs from older projects open, and
 * written whole, as one revision per save, so history and restore work as for any item.
 *
 * The last NPCs read or written are kept by revision: reading an NPC with a long lorebook
 * means parsing and checking megabytes, and test chat and playthroughs read it for every
 * turn. A revision is never written twice, so a kept one is current exactly when the
 * item's revision still is (also after a worker thread's import wrote the item).
 */
export class NpcService {
  private readonly kept = new Map<string, NpcDocument>();
  private readonly summaries: RevisionCache<NpcSummary>;

  constructor(private readonly content: ContentStore) {
    this.summaries = new RevisionCache(content, KIND, summaryOf);
  }

  /** The NPCs' summaries in list order; each is read from its stored JSON once per revision. */
  list(): NpcSummary[] {
    return this.summaries.all();
  }

  /** Reads the summaries of NPCs changed since the last call, a few at a time; `npcs:list` awaits it. */
  ready(): Promise<void> {
    return this.summaries.fill();
  }

  /** The NPC as stored; the persona is shared with later reads of the same revision, so callers must not change it. */
  get(id: string): NpcDocument {
    const { revision } = this.headOf(id);
    const kept = this.kept.get(id);
    if (kept?.revision === revision) return this.keep(kept);
    const item = this.content.get(id);
    return this.keep(toDocument(item, this.load(item)));
  }

  avatar(id: string): { dataUrl: string | null } {
    const { avatar } = this.get(id).persona;
    return { dataUrl: avatar?.kind === 'dataUrl' ? avatar.dataUrl : null };
  }

  create(name: string, draft: NpcDraft = {}): NpcDocument {
    return this.insert(newNpc(name, draft));
  }

  save(id: string, persona: NpcPersona, baseRevision?: number): NpcDocument {
    this.headOf(id);
    const record = { ...persona, id };
    const item = this.content.save(id, { name: itemName(record), data: record, baseRevision });
    return this.keep(toDocument(item, record));
  }

  /** Whether the NPC's stored JSON is too large to write on the studio's thread (see heavy-writes.ts); throws when it is no NPC. */
  isLarge(id: string): boolean {
    return isHeavyItem(this.headOf(id));
  }

  /** Returns the deleted item's last revision, for the change event. */
  delete(id: string): number {
    this.headOf(id);
    this.content.delete(id);
    return this.content.head(id).revision;
  }

  /**
   * Writes a card read by readCardFile as a new NPC, as a second NPC of a name the project
   * has (`keepBoth`), or over an existing NPC (`update`). A large card is read and written
   * on a worker thread through a connection of its own (see save-tasks.ts).
   */
  importCard({ persona, valid }: ReadCard, onExisting?: CardImportChoice): NpcDocument {
    if (onExisting === 'keepBoth') {
      const name = distinctNpcName(
        persona.name,
        this.list().map((npc) => npc.name),
      );
      return this.insert({ ...persona, name }, valid && NpcPersona.shape.name.safeParse(name).success);
    }
    if (onExisting) {
      const existing = this.get(onExisting.update);
      return this.save(existing.id, cardOverNpc(existing.persona, persona), existing.revision);
    }
    return this.insert(persona, valid);
  }

  /** The card's NPC name and the NPCs of the project that already have it. */
  async cardMatches(content: CardContent): Promise<{ name: string; matches: NpcSummary[] }> {
    const { name } = isSmallCard(content) ? readCardName(content) : await runInWorker('readCardName', content);
    return { name, matches: this.list().filter((npc) => comparableName(npc.name) === comparableName(name)) };
  }

  /** The NPC as a card file; a large NPC's record is read, and the file made, on a worker thread. */
  async exportCard(id: string, format: 'json' | 'png', spec: 'v2' | 'v3'): Promise<CardFile> {
    this.headOf(id);
    const { name, data } = this.content.row(id);
    const input = { id, name, data, format, spec };
    return data.length <= SMALL_CARD_CHARS ? writeCardFile(input) : runInWorker('writeCard', input);
  }

  /** Checks a whole persona and writes it as a new NPC; nothing is written when it is not valid. `valid`: the schema parsed it already (a card read). */
  insert(persona: NpcPersona, valid = false): NpcDocument {
    const parsed = valid ? { success: true as const, data: persona } : NpcPersona.safeParse(persona);
    if (!parsed.success) throw new AppError('invalid_input', `The NPC is not valid: ${describeIssues(parsed.error)}`);
    const item = this.content.create(KIND, itemName(parsed.data), parsed.data, parsed.data, parsed.data.id);
    return this.keep(toDocument(item, parsed.data));
  }

  /** An NPC that a worker thread wrote through a connection of its own, kept as if it had been written here. */
  written(document: NpcDocument): NpcDocument {
    return this.keep(document);
  }

  /** Keeps `document` as the most recently used, forgetting the least recently used past KEPT_NPCS. */
  private keep(document: NpcDocument): NpcDocument {
    this.kept.delete(document.id);
    this.kept.set(document.id, document);
    if (this.kept.size > KEPT_NPCS) this.kept.delete(this.kept.keys().next().value!);
    return document;
  }

  /** The NPC item's kind, revision and size, read without its data; throws when it is no NPC. */
  private headOf(id: string) {
    const head = this.content.head(id);
    if (head.kind !== KIND) throw new AppError('not_found', `No NPC with id ${id} in this project.`);
    return head;
  }

  private load(item: ContentItem): NpcPersona {
    return loadNpcItem(item.data, { id: item.id, name: item.name });
  }
}
