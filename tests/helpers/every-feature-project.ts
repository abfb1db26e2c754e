import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Studio } from '../../main/core/studio';
import { escapeText } from '../../main/domain/dialogue/text';
import { bundleText, writePack, type Pack, type PackDialogue } from '../../main/domain/pack';
import type { Quest } from '../../main/domain/quest';
import { loadCases, type ConformanceCase } from './conformance';
import { makeExportProject } from './export-project';
import { QUEST_FEATURES_CASE } from './quest-features-case';
import { callOk } from './studio';

/** Text that breaks naive exporters: Luau long-bracket closers, XML markup, characters XML forbids, line separators; it ends in `]`. */
export const HOSTILE_TEXT = ' ]] ]=] ]==] <&> ]]> "\\ \n\u2028\u2029\uFFFE\uFFFF\u0001 [[x]';

/**
 * Conformance cases that export cleanly (cases that hold deliberate authoring errors do not;
 * 20's visited() names a node of another dialogue, which Export → Check refuses) and, with
 * QUEST_FEATURES_CASE, use every node kind and quest feature.
 */
const CASE_FILES = [
  '02-choice-basic.json',
  '05-branch-first-match.json',
  '08-set-variables.json',
  '14-items-and-commands.json',
  '15-visited-loop.json',
  '19-local-jump.json',
  '21-jump-to-node.json',
  '22-ai-line.json',
  '31-carried-state.json',
  '48-quest-two-stages.json',
  '49-quest-branching-outcome.json',
  '50-quest-objective-counts.json',
  '53-quest-prerequisites.json',
  '54-quest-talk-event.json',
  '56-quest-settle-passes.json',
];

/** Fields that are text templates get the hostile text escaped, so it renders as written; the others take it as it is. */
const TEMPLATE_FIELDS = ['text', 'fallbackText'] as const;
const PLAIN_FIELDS = ['speaker', 'instruction'] as const;
const TEMPLATE_HOSTILE_TEXT = escapeText(HOSTILE_TEXT);

/**
 * The case with its dialogue ids prefixed (so cases share one pack) and hostile text after
 * every line, speaker and option (escaped in templates, so every runtime shows it literally).
 */
function hostileCase(file: string, c: ConformanceCase): ConformanceCase {
  const prefix = `c${file.slice(0, 2)}_`;
  const dialogues = c.pack.dialogues.map((d): PackDialogue => {
    const nodes = Object.fromEntries(
      Object.entries(d.nodes).map(([id, node]) => {
        const copy = { ...node } as Record<string, unknown>;
        for (const field of TEMPLATE_FIELDS)
          if (typeof copy[field] === 'string') copy[field] = `${copy[field] as string}${TEMPLATE_HOSTILE_TEXT}`;
        for (const field of PLAIN_FIELDS) if (typeof copy[field] === 'string') copy[field] = `${copy[field] as string}${HOSTILE_TEXT}`;
        if (typeof copy.dialogueId === 'string') copy.dialogueId = prefix + copy.dialogueId;
        if (Array.isArray(copy.options))
          copy.options = (copy.options as { text: string }[]).map((o) => ({ ...o, text: `${o.text}${TEMPLATE_HOSTILE_TEXT}` }));
        return [id, copy];
      }),
    );
    return { ...d, id: prefix + d.id, nodes } as PackDialogue;
  });
  return { ...c, dialogueId: prefix + c.dialogueId, pack: { ...c.pack, dialogues } };
}

/** Items, locations and NPCs for every id the quests and dialogues name that the pack lacks (items also by item_count() in conditions). */
function addNamedWorld(content: Omit<Pack, 'manifest'>) {
  const text = JSON.stringify([content.quests, content.dialogues]);
  const counted = [...text.matchAll(/item_count\(\\"([^"\\]+)\\"\)/g)].map((m) => m[1]);
  const named = (field: string) => [
    ...new Set([...[...text.matchAll(new RegExp(`"${field}":"([^"]+)"`, 'g'))].map((m) => m[1]), ...(field === 'itemId' ? counted : [])]),
  ];
  const missing = <T extends { id: string }>(list: T[], field: string) => named(field).filter((id) => !list.some((x) => x.id === id));
  for (const id of missing(content.items, 'itemId')) content.items.push({ id, name: id, description: '', stackable: true });
  for (const id of missing(content.locations, 'locationId')) content.locations.push({ id, name: id, description: '', region: '' });
  for (const id of missing(content.npcs, 'npcId')) content.npcs.push({ ...content.npcs[0], id, name: id });
}

/**
 * A new open project holding the export tests' content, the dialogues and quests of the
 * conformance cases above (hostile text in every line), and a story of hostile text. It is
 * imported from a pack so the cases' ids survive. Returns the project and the cases, whose
 * dialogue ids now name the project's dialogues.
 */
export async function makeEveryFeatureProject(studio: Studio, dir: string) {
  const { project: base } = await makeExportProject(studio, 'Base');
  await callOk(studio, 'content:create', {
    kind: 'story',
    name: 'Hostile ]] ]=] <&> ]]>',
    data: { schemaVersion: 1, markdown: `# ]]${HOSTILE_TEXT}`, lore: false },
  });
  await callOk(studio, 'export:pack', { projectId: base.id, targets: ['web'], outDir: join(dir, 'base') });
  const packFile = join(dir, 'base/web/pack.json');
  const { manifest, ...content } = JSON.parse(readFileSync(packFile, 'utf8')) as Pack;
  const cases = [
    ...loadCases()
      .filter(({ file }) => CASE_FILES.includes(file))
      .map(({ file, case: c }) => hostileCase(file, c)),
    hostileCase('qf', QUEST_FEATURES_CASE),
  ];
  const quests = new Map<string, Quest>();
  for (const c of cases) for (const quest of c.pack.quests ?? []) if (!quests.has(quest.id)) quests.set(quest.id, quest);
  content.dialogues.push(...cases.flatMap((c) => c.pack.dialogues));
  content.quests.push(...quests.values());
  addNamedWorld(content);
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  writeFileSync(packFile, bundleText(writePack(content, manifest, sha256).files));
  const project = await callOk(studio, 'projects:create', { name: 'Hostile ]] <&>' });
  await callOk(studio, 'projects:open', { id: project.id });
  await callOk(studio, 'import:pack', { path: packFile });
  return { project, cases };
}
