import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTwee } from 'extwee';
import { describe, expect, it } from 'vitest';
import { importCard } from '../../main/domain/cards';
import { Dialogue, type DialogueNode } from '../../main/domain/dialogue';
import { importTwee } from '../../main/domain/interop/twee';
import { importYarn } from '../../main/domain/interop/yarn-import';
import { makeExportProject } from '../helpers/export-project';
import { hostileDialogue } from '../helpers/hostile-dialogue';
import { callOk, makeStudio } from '../helpers/studio';
import { hasPythonCsv, readCsv } from '../helpers/python-csv';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The hostile dialogue, kept to what validates in a project: jumps stay inside it, items and quests are the project's. */
function projectDialogue(seed: number): Dialogue {
  const dialogue = hostileDialogue(seed);
  const nodes = Object.fromEntries(
    Object.entries(dialogue.nodes).map(([id, node]): [string, DialogueNode] => {
      if (node.kind === 'jump') return [id, { id, position: node.position, kind: 'jump', nodeId: dialogue.startNodeId }];
      if (node.kind === 'action')
        return [
          id,
          {
            ...node,
            actions: [
              ...node.actions.filter((a) => a.type === 'setVariable' || a.type === 'command'),
              { type: 'giveItem', itemId: 'blade', count: 1 },
            ],
          },
        ];
      return [id, node];
    }),
  );
  return { ...dialogue, nodes };
}

describe.runIf(hasPythonCsv)(
  'every interop artifact of a hostile project, through the tool that reads it (skipped where python3 is missing)',
  () => {
    it('extwee reads the Twee, and the Yarn, Twee, cards, pack and CSV files read back', { timeout: 60_000 }, async () => {
      const dir = tempDir();
      const studio = makeStudio(dir);
      const { project } = await makeExportProject(studio);
      for (const seed of [7, 8, 9]) {
        const hostile = projectDialogue(seed);
        const kinds = new Set(Object.values(hostile.nodes).map((n) => n.kind));
        expect([...kinds].sort()).toEqual(['action', 'aiLine', 'branch', 'choice', 'end', 'jump', 'line']);
        const created = await callOk(studio, 'dialogues:create', { name: `Hostile ${seed}` });
        await callOk(studio, 'dialogues:save', {
          id: created.id,
          baseRevision: created.revision,
          variables: hostile.variables,
          startNodeId: hostile.startNodeId,
          upsertNodes: Object.values(hostile.nodes),
        });
      }
      await callOk(studio, 'npcs:create', {
        name: '=cmd|"/c calc"!A1 <<run x>>',
        persona: { role: '[[evil]] role', backstory: '*/ ::Passage', speakingStyle: '-> {$gold}', goals: ['#line:x', '@goal'] },
      });

      const out = join(dir, 'out');
      const result = await callOk(studio, 'export:pack', {
        projectId: project.id,
        targets: ['json', 'ccv2', 'yarn', 'twee', 'voice', 'localization'],
        outDir: out,
      });
      expect(result.report.errors).toEqual([]);
      const files = (ext: string) => result.files.map((f) => f.path).filter((p) => p.endsWith(ext));
      const read = (path: string) => readFileSync(join(out, path), 'utf8');
      const identity = { id: 'back', name: 'Back' };
      const packDialogues = JSON.parse(read('pack/dialogues.json')) as { name: string; nodes: Record<string, Record<string, string>> }[];
      expect(packDialogues).toHaveLength(4);
      const nodeCounts = new Map(packDialogues.map((d) => [d.name, Object.keys(d.nodes).length]));

      expect(files('.twee')).toHaveLength(4);
      for (const path of files('.twee')) {
        const story = parseTwee(read(path));
        expect(story.passages.filter((p) => p.name !== 'StoryInit')).toHaveLength(nodeCounts.get(story.name)!);
        const code = story.passages.map((p) => p.text.replace(/"(?:[^"\\\n]|\\.)*"/g, '""')).join('\n');
        expect(code).not.toMatch(/<<run|\[\[evil|<<set \$gold to 999|^::/m);
        const back = importTwee(read(path), identity);
        expect(Dialogue.safeParse(back).error).toBeUndefined();
      }
      expect(files('.yarn')).toHaveLength(4);
      for (const path of files('.yarn')) {
        const back = importYarn(read(path), identity);
        expect(Dialogue.safeParse(back).error).toBeUndefined();
        const name = packDialogues.find((d) => read(path).startsWith(`// ${d.name}:`))!;
        const said = (speaker: string, text: string) => `${flat(speaker)}: ${flat(text) || (flat(speaker) ? '' : '...')}`;
        const spoken = Object.values(name.nodes)
          .filter((n) => n.kind === 'line' || n.kind === 'aiLine')
          .map((n) => said(n.speaker, n.kind === 'line' ? n.text : n.fallbackText));
        const heard = Object.values(back.nodes).flatMap((n) => (n.kind === 'line' ? [said(n.speaker, n.text)] : []));
        expect(heard.sort()).toEqual(spoken.sort());
        expect(read(path).match(/^title: /gm)).toHaveLength(Object.values(back.nodes).filter((n) => n.kind === 'section').length);
      }

      const cards = [...files('.json').filter((p) => p.startsWith('cards/')), ...files('.png')];
      expect(cards.length).toBeGreaterThanOrEqual(4);
      for (const path of cards) {
        const { persona } = importCard(new Uint8Array(readFileSync(join(out, path))), 'npc');
        if (persona.name.startsWith('=cmd'))
          expect(persona).toMatchObject({ role: '[[evil]] role', backstory: '*/ ::Passage', goals: ['#line:x', '@goal'] });
      }

      const copy = await callOk(studio, 'projects:create', { name: 'Copy' });
      await callOk(studio, 'projects:open', { id: copy.id });
      expect((await callOk(studio, 'import:pack', { path: join(out, 'pack') })).counts).toMatchObject({ npcs: 2, dialogues: 4 });

      for (const path of [...files('.csv')]) {
        const rows = readCsv(read(path));
        expect(rows.length).toBeGreaterThan(1);
        for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    });
  },
);
