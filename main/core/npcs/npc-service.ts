import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CardFile, CardImportChoice, NpcDocument, NpcDraft, NpcSummary } from '../../../preload/contract/npcs';
import type { ContentItem } from '../../../preload/api';
import { cardOverNpc, comparableName, distinctNpcName, newNpcPersona, NpcPersona } from '../../domain/npc';
import { describeIssues } from '../../domain/records/versioned-record';
import { AppError } from '../app-error';
import type { ContentStore } from '../content/content-store';
import { runInWorker } from '../workers/run-in-worker';
import {
  npcItemName as itemName,
  readCardFile,
  readCardName,
  writeCardFile,
  type CardContent,
  type CardReadInput,
  type ReadCard,
} from './card-tasks';
import { loadNpcItem } from './npc-load';

const KIND = 'npc';

/** The list reads these straight from the stored records; old notes-only NPCs simply lack them. */
const SUMMARY_PATHS = { role: '$.role', tags: '$.tags', avatarKind: '$.avatar.kind' } as const;

const toDocument = (item: ContentItem, persona: NpcPersona): NpcDocument => ({
  id: item.id,
  revision: item.revision,
  updatedAt: item.updatedAt,
  persona,
});

/**
 * Cards of at most this many bytes, and NPC records of at most this many characters, are
 * read or written as cards on the calling thread: that takes at most about 15 ms, less than
 * a worker thread takes to start and load the codec (a few hundred ms). Larger ones go to a
 * worker (see card-tasks.ts).
 */
const SMALL_CARD = 64 * 1024;

/**
 * A large card read on a worker thread. Taking in its persona (a structured clone) is one
 * turn of the event loop and writing it another, so the two do not hold the loop together.
 */
async function readInWorker(input: CardReadInput): Promise<ReadCard> {
  const card = await runInWorker('readCard', input);
  await nextTurn();
  return card;
}

const cardSize = (content: CardContent) => ('data' in content ? Math.floor((content.data.length * 3) / 4) : content.bytes.length);

/**
 * NPC personas over the project's content items: an item of kind `npc` whose data is the
 * persona record. Records are migrated when read, so NPCs from older projects open, and
 * written whole, as one revision per save, so history and restore work as for any item.
 */
export class NpcService {
  constructor(private readonly content: ContentStore) {}

  list(): NpcSummary[] {
    return this.content.listFields(KIND, SUMMARY_PATHS).map(({ id, name, revision, updatedAt, fields }) => ({
      id,
      name,
      role: typeof fields.role === 'string' ? fields.role : '',
      tags: Array.isArray(fields.tags) ? fields.tags.filter((t): t is string => typeof t === 'string') : [],
      hasAvatar: typeof fields.avatarKind === 'string',
      revision,
      updatedAt,
    }));
  }

  get(id: string): NpcDocument {
    this.assertNpc(id);
    const item = this.content.get(id);
    return toDocument(item, this.load(item));
  }

  avatar(id: string): { dataUrl: string | null } {
    const { avatar } = this.get(id).persona;
    return { dataUrl: avatar?.kind === 'dataUrl' ? avatar.dataUrl : null };
  }

  create(name: string, draft: NpcDraft = {}): NpcDocument {
    const id = randomUUID();
    return this.insert({ ...newNpcPersona({ id, name }), ...draft });
  }

  save(id: string, persona: NpcPersona, baseRevision?: number): NpcDocument {
    this.assertNpc(id);
    const record = { ...persona, id };
    const item = this.content.save(id, { name: itemName(record), data: record, baseRevision });
    return toDocument(item, record);
  }

  /** Returns the deleted item's last revision, for the change event. */
  delete(id: string): number {
    this.assertNpc(id);
    this.content.delete(id);
    return this.content.row(id).revision;
  }

  /**
   * Imports a card file as a new NPC; nothing is written when the file is not a card. A
   * large card is read on a worker thread; the NPC is written here.
   */
  async importCard(content: CardContent, onExisting?: CardImportChoice): Promise<NpcDocument> {
    const input = { content, id: randomUUID() };
    const { persona, valid } = cardSize(content) <= SMALL_CARD ? readCardFile(input) : await readInWorker(input);
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
    const { name } = cardSize(content) <= SMALL_CARD ? readCardName(content) : await runInWorker('readCardName', content);
    return { name, matches: this.list().filter((npc) => comparableName(npc.name) === comparableName(name)) };
  }

  /** The NPC as a card file; a large NPC's record is read, and the file made, on a worker thread. */
  async exportCard(id: string, format: 'json' | 'png', spec: 'v2' | 'v3'): Promise<CardFile> {
    this.assertNpc(id);
    const { name, data } = this.content.row(id);
    const input = { id, name, data, format, spec };
    return data.length <= SMALL_CARD ? writeCardFile(input) : runInWorker('writeCard', input);
  }

  /** `valid`: the persona was parsed with the schema already (a card read), so it is written as it is. */
  private insert(persona: NpcPersona, valid = false): NpcDocument {
    const parsed = valid ? { success: true as const, data: persona } : NpcPersona.safeParse(persona);
    if (!parsed.success) throw new AppError('invalid_input', `The NPC is not valid: ${describeIssues(parsed.error)}`);
    const item = this.content.create(KIND, itemName(parsed.data), parsed.data, parsed.data, parsed.data.id);
    return toDocument(item, parsed.data);
  }

  private assertNpc(id: string): void {
    if (this.content.kindOf(id) !== KIND) throw new AppError('not_found', `No NPC with id ${id} in this project.`);
  }

  private load(item: ContentItem): NpcPersona {
    return loadNpcItem(item.data, { id: item.id, name: item.name });
  }
}
