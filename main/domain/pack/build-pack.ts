import type { Dialogue } from '../dialogue/dialogue-schema';
import { referencesIn } from '../dialogue/reference-rules';
import { validateDialogue } from '../dialogue/validate-dialogue';
import type { NpcPersona } from '../npc/npc-schema';
import { compareCodePoints } from './canonical-json';
import { defined } from './defined-fields';
import { toPackDialogue, type Report } from './pack-dialogue';
import type { PackProblem } from './pack-problem';
import type { PackContent, PackNpc, PackPoem, PackScript, PackStory } from './pack-schema';
import { questOutline } from '../quest/quest-outline';
import type { Quest } from '../quest/quest-schema';
import type { WorldItem, WorldLocation } from '../quest/world-schema';

/** An item saved whole (story, poem, script): its row's id and name and its data. */
export interface PlainItem {
  id: string;
  name: string;
  data: Record<string, unknown>;
}

/** Everything of a project that a pack carries, as the stores load it. */
export interface ProjectContent {
  npcs: NpcPersona[];
  dialogues: Dialogue[];
  quests: Quest[];
  items: WorldItem[];
  locations: WorldLocation[];
  stories: PlainItem[];
  poems: PlainItem[];
  scripts: PlainItem[];
}

export interface BuiltPack {
  content: PackContent;
  problems: PackProblem[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => compareCodePoints(a.id, b.id));
export function toPackNpc(persona: NpcPersona): PackNpc {
  const lorebook = persona.lorebook;
  return defined({
    id: persona.id,
    name: persona.name,
    nickname: persona.nickname,
    role: persona.role,
    description: persona.description,
    personality: persona.personality,
    speakingStyle: persona.speakingStyle,
    scenario: persona.scenario,
    backstory: persona.backstory,
    goals: persona.goals,
    firstMessage: persona.firstMessage,
    alternateGreetings: persona.alternateGreetings,
    exampleDialogue: persona.exampleDialogue,
    systemPrompt: persona.systemPrompt,
    postHistoryInstructions: persona.postHistoryInstructions,
    tags: persona.tags,
    creator: persona.creator,
    characterVersion: persona.characterVersion,
    creatorNotes: persona.creatorNotes,
    lorebook: lorebook
      ? defined({
          name: lorebook.name,
          description: lorebook.description,
          entries: lorebook.entries.map((entry) =>
            defined({
              keys: entry.keys,
              secondaryKeys: entry.secondaryKeys ?? [],
              content: entry.content,
              enabled: entry.enabled,
              insertionOrder: entry.insertionOrder,
              constant: entry.constant ?? false,
              selective: entry.selective ?? false,
              caseSensitive: entry.caseSensitive ?? false,
              name: entry.name,
              position: entry.position,
              priority: entry.priority,
            }),
          ),
        })
      : undefined,
  });
}

/**
 * A warning for each NPC whose name another NPC also has (ignoring case and spacing): the
 * Roblox runtime finds an NPC's Workspace model by name, and a creator picking "Brannoc"
 * cannot tell the two apart either.
 */
export function duplicateNpcNames(npcs: readonly NpcPersona[]): PackProblem[] {
  const byName = new Map<string, NpcPersona[]>();
  for (const npc of npcs) {
    const key = npc.name.trim().replace(/\s+/g, ' ').toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), npc]);
  }
  return [...byName.values()]
    .filter((same) => same.length > 1)
    .flatMap((same) =>
      same.map((npc) => ({
        severity: 'warning' as const,
        code: 'duplicate_npc_name',
        message: `${same.length} NPCs are named "${npc.name.trim()}"; the Roblox runtime finds Workspace models by name, so give each a name of its own`,
        itemKind: 'npc' as const,
        itemId: npc.id,
        itemName: npc.name,
        field: 'name',
      })),
    );
}

/**
 * Turns a project's content into pack content and every problem that should stop or
 * accompany the export: dialogue validation (with jumps, quest and item references checked
 * against the pack), conditions that do not parse, line ids two dialogues share with different text,
 * and NPCs that share a name.
 * Sections are ordered by id and maps are keyed by id, so the output does not depend on
 * the order the stores returned things in.
 */
export function buildPack(project: ProjectContent, locale = 'en'): BuiltPack {
  const problems: PackProblem[] = duplicateNpcNames(project.npcs);
  const refs = referencesIn({
    dialogueIds: project.dialogues.map((d) => d.id),
    quests: project.quests.map(questOutline),
    itemIds: project.items.map((item) => item.id),
  });
  const npcIds = new Set(project.npcs.map((n) => n.id));
  const strings: Record<string, string> = {};
  const lineOwner = new Map<string, string>();

  const dialogues = byId(project.dialogues).map((dialogue) => {
    const where = { itemKind: 'dialogue' as const, itemId: dialogue.id, itemName: dialogue.name };
    const report: Report = (problem) => problems.push({ ...where, ...problem });
    for (const problem of validateDialogue(dialogue, refs)) {
      report({ severity: problem.severity, code: problem.code, message: problem.message, nodeId: problem.nodeId, field: problem.field });
    }
    if (dialogue.npcId !== undefined && !npcIds.has(dialogue.npcId)) {
      report({
        severity: 'warning',
        code: 'unknown_npc',
        message: `The dialogue's NPC ${dialogue.npcId} is not in the project`,
        field: 'npcId',
      });
    }
    const packed = toPackDialogue(dialogue, report);
    for (const id of Object.keys(dialogue.nodes).sort(compareCodePoints)) {
      const node = dialogue.nodes[id];
      if ((node.kind !== 'line' && node.kind !== 'aiLine') || !node.lineId.trim()) continue;
      const line = node.kind === 'line' ? node.text : node.fallbackText;
      const owner = lineOwner.get(node.lineId);
      if (owner === undefined) {
        lineOwner.set(node.lineId, dialogue.id);
        strings[node.lineId] = line;
      } else if (owner !== dialogue.id && strings[node.lineId] !== line) {
        report({
          severity: 'warning',
          code: 'shared_line_id',
          message: `Line id "${node.lineId}" is also used in dialogue ${owner} with other text; the string table keeps that one`,
          nodeId: id,
          field: 'lineId',
        });
      }
    }
    return packed;
  });

  const content: PackContent = {
    npcs: byId(project.npcs).map(toPackNpc),
    dialogues,
    quests: byId(project.quests),
    items: byId(project.items),
    locations: byId(project.locations),
    stories: byId(project.stories).map((item): PackStory => ({ id: item.id, name: item.name, markdown: text(item.data.markdown) })),
    poems: byId(project.poems).map((item): PackPoem => ({
      id: item.id,
      name: item.name,
      form: text(item.data.form) || 'free',
      text: text(item.data.text),
    })),
    scripts: byId(project.scripts).map((item): PackScript => ({
      id: item.id,
      name: item.name,
      language: text(item.data.language),
      folder: text(item.data.folder),
      code: text(item.data.code),
    })),
    strings: { [locale]: strings },
  };
  return { content, problems };
}
