import { randomUUID } from 'node:crypto';
import type { CardFile, CardImportChoice, NpcDocument, NpcDraft, NpcSummary } from '../../../preload/contract/npcs';
import type { ContentItem } from '../../../preload/api';
import { CardError, exportCardJson, exportCardPng, importCard } from '../../domain/cards';
import { cardOverNpc, comparableName, distinctNpcName, loadNpc, newNpcPersona, NpcPersona } from '../../domain/npc';
import { describeIssues, RecordError } from '../../domain/records/versioned-record';
import { AppError } from '../app-error';
import type { ContentStore } from '../content/content-store';

const KIND = 'npc';

/** The list reads these straight from the stored records; old notes-only NPCs simply lack them. */
const SUMMARY_PATHS = { role: '$.role', tags: '$.tags', avatarKind: '$.avatar.kind' } as const;

/** The item row's name, which lists and search show; a card may have a blank one. */
const itemName = (persona: NpcPersona) => persona.name.trim() || 'Unnamed NPC';

const toDocument = (item: ContentItem, persona: NpcPersona): NpcDocument => ({
  id: item.id,
  revision: item.revision,
  updatedAt: item.updatedAt,
  persona,
});

/** Card files are named after the NPC, without characters file systems refuse. */
const cardFileName = (persona: NpcPersona, spec: string, extension: string) =>
  `${itemName(persona)
    .replace(/[/\\:*?"<>|\p{Cc}]+/gu, '_')
    .slice(0, 100)}.${spec}.${extension}`;

function fromCardError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CardError) throw new AppError('invalid_input', error.message);
    throw error;
  }
}

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

  /** Imports a card file's bytes as a new NPC; nothing is written when the file is not a card. */
  importCard(bytes: Uint8Array, onExisting?: CardImportChoice): NpcDocument {
    const { persona } = fromCardError(() => importCard(bytes, randomUUID()));
    if (onExisting === 'keepBoth') {
      return this.insert({
        ...persona,
        name: distinctNpcName(
          persona.name,
          this.list().map((npc) => npc.name),
        ),
      });
    }
    if (onExisting) {
      const existing = this.get(onExisting.update);
      return this.save(existing.id, cardOverNpc(existing.persona, persona), existing.revision);
    }
    return this.insert(persona);
  }

  /** The card's NPC name and the NPCs of the project that already have it. */
  cardMatches(bytes: Uint8Array): { name: string; matches: NpcSummary[] } {
    const { name } = fromCardError(() => importCard(bytes, randomUUID())).persona;
    return { name, matches: this.list().filter((npc) => comparableName(npc.name) === comparableName(name)) };
  }

  exportCard(id: string, format: 'json' | 'png', spec: 'v2' | 'v3'): CardFile {
    const { persona } = this.get(id);
    if (format === 'json') {
      const text = fromCardError(() => exportCardJson(persona, spec));
      return {
        fileName: cardFileName(persona, spec, 'json'),
        mimeType: 'application/json',
        data: Buffer.from(text, 'utf8').toString('base64'),
      };
    }
    const png = fromCardError(() => exportCardPng(persona, spec));
    return { fileName: cardFileName(persona, spec, 'png'), mimeType: 'image/png', data: Buffer.from(png).toString('base64') };
  }

  private insert(persona: NpcPersona): NpcDocument {
    const parsed = NpcPersona.safeParse(persona);
    if (!parsed.success) throw new AppError('invalid_input', `The NPC is not valid: ${describeIssues(parsed.error)}`);
    const item = this.content.create(KIND, itemName(parsed.data), parsed.data, parsed.data, parsed.data.id);
    return toDocument(item, parsed.data);
  }

  private assertNpc(id: string): void {
    if (this.content.kindOf(id) !== KIND) throw new AppError('not_found', `No NPC with id ${id} in this project.`);
  }

  private load(item: ContentItem): NpcPersona {
    try {
      return loadNpc(item.data, { id: item.id, name: item.name });
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      throw new AppError(error.code === 'record_too_new' ? 'project_too_new' : 'project_corrupt', error.message);
    }
  }
}
