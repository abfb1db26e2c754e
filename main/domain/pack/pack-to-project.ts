import { DIALOGUE_SCHEMA_VERSION, type Dialogue, type DialogueNode } from '../dialogue/dialogue-schema';
import { newNpcPersona } from '../npc/npc-record';
import type { NpcPersona } from '../npc/npc-schema';
import type { PlainItem } from './build-pack';
import type { Pack, PackNode, PackNpc } from './pack-schema';

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

/** Conditions go back to the text the creator wrote; the tree is derived from it again on the next export. */
export function fromPackNode(node: PackNode): DialogueNode {
  switch (node.kind) {
    case 'choice':
      return {
        ...node,
        options: node.options.map(({ condition, ...option }) => ({ ...option, ...(condition ? { condition: condition.source } : {}) })),
      };
    case 'branch':
      return { ...node, branches: node.branches.map((branch) => ({ ...branch, condition: branch.condition.source })) };
    default:
      return node;
  }
}

/** A pack's content as project records, ready for the stores; exporting them again gives the same pack. */
export function packToProject(pack: Pack): ImportedContent {
  return {
    npcs: pack.npcs.map(fromPackNpc),
    dialogues: pack.dialogues.map((dialogue) => ({
      schemaVersion: DIALOGUE_SCHEMA_VERSION,
      ...dialogue,
      nodes: Object.fromEntries(Object.entries(dialogue.nodes).map(([id, node]) => [id, fromPackNode(node)])),
    })),
    quests: pack.quests,
    items: pack.items,
    locations: pack.locations,
    stories: pack.stories.map(({ id, name, markdown }) => ({ id, name, data: { schemaVersion: 1, markdown } })),
    poems: pack.poems.map(({ id, name, form, text }) => ({ id, name, data: { schemaVersion: 1, form, text } })),
    scripts: pack.scripts.map(({ id, name, language, folder, code }) => ({ id, name, data: { schemaVersion: 1, language, folder, code } })),
  };
}
