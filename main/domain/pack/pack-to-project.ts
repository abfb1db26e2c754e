import { DIALOGUE_SCHEMA_VERSION, type Dialogue } from '../dialogue/dialogue-schema';
import { newNpcPersona } from '../npc/npc-record';
import type { NpcPersona } from '../npc/npc-schema';
import type { PlainItem } from './build-pack';
import { fromPackDialogue } from './pack-node';
import type { Pack, PackNpc } from './pack-schema';

/** What importing a pack adds to a project. */
export interface ImportedContent {
  npcs: NpcPersona[];
  dialogues: Dialogue[];
  quests: Pack['quests'];
  items: Pack['items'];
  locations: Pack['locations'];
  stories: PlainItem[];
  poems: PlainItem[];
  scripts: PlainItem[];
}

export function fromPackNpc(npc: PackNpc): NpcPersona {
  const { lorebook, ...fields } = npc;
  return {
    ...newNpcPersona({ id: npc.id, name: npc.name }),
    ...fields,
    lorebook: lorebook
      ? {
          ...(lorebook.name !== undefined ? { name: lorebook.name } : {}),
          ...(lorebook.description !== undefined ? { description: lorebook.description } : {}),
          extensions: {},
          entries: lorebook.entries.map((entry) => ({ ...entry, extensions: {} })),
        }
      : null,
  };
}

/** A pack's content as project records, ready for the stores; exporting them again gives the same pack. */
export function packToProject(pack: Pack): ImportedContent {
  return {
    npcs: pack.npcs.map(fromPackNpc),
    dialogues: pack.dialogues.map((dialogue) => ({ schemaVersion: DIALOGUE_SCHEMA_VERSION, ...fromPackDialogue(dialogue) })),
    quests: pack.quests,
    items: pack.items,
    locations: pack.locations,
    stories: pack.stories.map(({ id, name, markdown }) => ({ id, name, data: { schemaVersion: 1, markdown, lore: false } })),
    poems: pack.poems.map(({ id, name, form, text }) => ({ id, name, data: { schemaVersion: 1, form, text } })),
    scripts: pack.scripts.map(({ id, name, language, folder, code }) => ({ id, name, data: { schemaVersion: 1, language, folder, code } })),
  };
}
