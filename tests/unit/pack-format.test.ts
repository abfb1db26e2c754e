import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, newDialogue, newNode, type Dialogue, type DialogueNode } from '../../main/domain/dialogue';
import { newNpcPersona } from '../../main/domain/npc';
import {
  buildPack,
  canonicalJson,
  checkPack,
  checkPackContent,
  PackError,
  packJsonSchema,
  PACK_JSON_SCHEMA_FILE,
  packToProject,
  parseBoundedJson,
  readPackBundle,
  readPackFiles,
  robloxIssues,
  writePack,
  type PackNode,
  type ProjectContent,
} from '../../main/domain/pack';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const meta = { packId: 'emberfall', name: 'Emberfall', version: '1.0.0', createdWith: 'loreweaver-studio 0.0.0-test' };

function smith(): Dialogue {
  const nodes: DialogueNode[] = [
    { ...newNode('line', 'hello'), speaker: 'Mirela', text: 'Welcome.', next: 'ask' },
    {
      ...newNode('choice', 'ask'),
      options: [
        { id: 'buy', text: 'A blade.', condition: ' $gold >= 10 ', target: 'bye' },
        { id: 'bye', text: 'Bye.', target: 'bye' },
      ],
    },
    { ...newNode('end', 'bye'), outcome: 'left' },
  ];
  return {
    ...newDialogue({ id: 'smith', name: 'The smith' }, 'mirela'),
    variables: [{ name: 'gold', type: 'number', default: 5 }],
    startNodeId: 'hello',
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
  };
}

const project = (): ProjectContent => ({
  npcs: [{ ...newNpcPersona({ id: 'mirela', name: 'Mirela' }), role: 'smith', extensions: { other: null } }],
  dialogues: [smith()],
  quests: [],
  items: [{ id: 'blade', name: 'Blade', description: 'Sharp.', stackable: false }],
  locations: [],
  stories: [{ id: 's1', name: 'Ash', data: { schemaVersion: 1, markdown: '# Ash' } }],
  poems: [],
  scripts: [],
});

describe('pack format', () => {
  it('builds Roblox-safe, schema-valid content with condition trees and a string table', () => {
    const { content, problems } = buildPack(project());
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const option = (content.dialogues[0].nodes.ask as { options: { condition?: unknown }[] }).options[0];
    expect(option.condition).toEqual({
      source: '$gold >= 10',
      ast: { type: 'compare', operator: '>=', left: { type: 'variable', name: 'gold' }, right: { type: 'literal', value: 10 } },
    });
    expect(content.strings).toEqual({ en: { hello: 'Welcome.' } });
    const { pack } = writePack(content, meta, sha256);
    expect(checkPack(pack)).toEqual([]);
    expect(JSON.stringify(pack)).not.toContain('null');
  });

  it('finds the same problems in content about to be written as in the written pack, and in the manifest fields it will get', () => {
    const { content } = buildPack(project());
    expect(checkPackContent(content, meta)).toEqual([]);
    const broken = structuredClone(content);
    (broken.npcs[0] as { name: unknown }).name = null;
    (broken.items[0] as { stackable: unknown }).stackable = 'no';
    const found = checkPackContent(broken, meta);
    expect(found.map((p) => p.message)).toEqual(checkPack(writePack(broken, meta, sha256).pack).map((p) => p.message));
    expect(found.map((p) => p.code).sort()).toEqual(['roblox_json', 'schema', 'schema']);
    expect(found.find((p) => p.code === 'roblox_json')?.message).toMatch(/^\$\.npcs\[0\]\.name: null is not allowed/);
    const badMeta = checkPackContent(content, { ...meta, version: 'next', packId: '' });
    expect(badMeta.map((p) => p.message.split(':')[0]).sort()).toEqual(['manifest.packId', 'manifest.version']);
  });

  it('writes the same bytes whatever order the project lists things in, with hashes in the manifest', () => {
    const a = writePack(buildPack(project()).content, meta, sha256).files;
    const reversed = project();
    reversed.npcs.push({ ...newNpcPersona({ id: 'aaron', name: 'Aaron' }) });
    const b = writePack(buildPack({ ...reversed, npcs: [...reversed.npcs].reverse() }).content, meta, sha256).files;
    const c = writePack(buildPack(reversed).content, meta, sha256).files;
    expect(b).toEqual(c);
    expect(a.map((f) => f.path)).toEqual([
      'manifest.json',
      'npcs.json',
      'dialogues.json',
      'quests.json',
      'items.json',
      'locations.json',
      'stories.json',
      'poems.json',
      'scripts.json',
      'strings.json',
    ]);
    const manifest = JSON.parse(a[0].text);
    expect(manifest.files[0]).toEqual({
      path: 'npcs.json',
      sha256: sha256(new TextEncoder().encode(a[1].text)),
      bytes: Buffer.byteLength(a[1].text),
    });
    expect(a.every((f) => !/\d{4}-\d\d-\d\dT/.test(f.text))).toBe(true);
  });

  it('reads back what it wrote, as files and as one bundle, and turns it into project records that export the same', () => {
    const { pack, files } = writePack(buildPack(project()).content, meta, sha256);
    const read = readPackFiles(new Map(files.map((f) => [f.path, f.text])), sha256);
    expect(read).toEqual(pack);
    expect(readPackBundle(canonicalJson(pack), sha256)).toEqual(pack);
    const imported = packToProject(read);
    const again = writePack(buildPack(imported).content, meta, sha256).files;
    expect(again).toEqual(files);
  });

  it('refuses a changed file, a newer or unknown format version and deeply nested JSON', () => {
    const { files } = writePack(buildPack(project()).content, meta, sha256);
    const map = new Map(files.map((f) => [f.path, f.text]));
    const tampered = new Map(map).set('npcs.json', map.get('npcs.json')!.replace('Mirela', 'Mallory'));
    expect(() => readPackFiles(tampered, sha256)).toThrow(/does not match the manifest's sha256/);
    const manifest = JSON.parse(map.get('manifest.json')!);
    const newer = new Map(map).set('manifest.json', JSON.stringify({ ...manifest, formatVersion: 3 }));
    expect(() => readPackFiles(newer, sha256)).toThrow(/reads up to 2/);
    const unknown = new Map(map).set('manifest.json', JSON.stringify({ ...manifest, formatVersion: 0 }));
    expect(() => readPackFiles(unknown, sha256)).toThrow(PackError);
    expect(() => parseBoundedJson('['.repeat(100_000) + ']'.repeat(100_000), 'x')).toThrow(/nests more than/);
    expect(parseBoundedJson('{"a":"[[[[["}', 'x')).toEqual({ a: '[[[[[' });
  });

  it('carries the deeper language: enums, smart variables, new nodes, expressions and templates, and reads back to the same records', () => {
    const nodes: DialogueNode[] = [
      { ...newNode('section', 'intro'), title: 'Intro', next: 'hello' },
      {
        ...newNode('line', 'hello'),
        speaker: 'M',
        text: 'You have [b]{$gold}[/b] gold.',
        condition: '$mood == .Calm',
        once: true,
        next: 'g',
      },
      {
        ...newNode('group', 'g'),
        candidates: [
          { id: 'rich', condition: '$rich', once: true, target: 'ask' },
          { id: 'plain', target: 'ask' },
        ],
        else: 'ask',
      },
      {
        ...newNode('choice', 'ask'),
        options: [
          { id: 'tale', text: 'A tale for {$gold * 2}?', once: true, target: 'tell' },
          { id: 'bye', text: 'Bye.', target: 'act' },
        ],
        else: 'act',
      },
      { ...newNode('detour', 'tell'), nodeId: 'story', next: 'act' },
      { ...newNode('line', 'story'), speaker: 'M', text: 'Once…', next: 'back' },
      newNode('return', 'back'),
      {
        ...newNode('action', 'act'),
        actions: [
          { type: 'setVariable', variable: 'mood', operator: '=', value: '', expression: '.Angry' },
          { type: 'setVariable', variable: 'gold', operator: '-=', value: 0, expression: '$gold % 3' },
          { type: 'call', expression: 'assert($gold >= 0)' },
          { type: 'commandText', text: 'play {$mood}' },
        ],
        next: 'hop',
      },
      { ...newNode('jump', 'hop'), expression: '"bye"' },
      { ...newNode('end', 'bye'), outcome: 'left' },
    ];
    const rich: Dialogue = {
      ...newDialogue({ id: 'rich', name: 'Rich' }),
      enums: [{ name: 'Mood', cases: [{ name: 'Calm' }, { name: 'Angry', value: 'angry' }] }],
      saliency: 'best_least_recently_seen',
      variables: [
        { name: 'gold', type: 'number', default: 5 },
        { name: 'mood', type: 'enum', enum: 'Mood', default: 'Angry' },
        { name: 'rich', type: 'smart', expression: '$gold > 100' },
      ],
      startNodeId: 'intro',
      nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    };
    const { content, problems } = buildPack({ ...project(), dialogues: [rich] });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checkPackContent(content, meta)).toEqual([]);
    const packed = content.dialogues[0];
    expect(packed.variables.slice(1)).toEqual([
      { name: 'mood', type: 'enum', enum: 'Mood', default: 'angry' },
      { name: 'rich', type: 'smart', valueType: 'bool', expression: expect.objectContaining({ source: '$gold > 100' }) },
    ]);
    expect(packed.nodes.hello).toMatchObject({
      condition: { ast: { type: 'compare', right: { type: 'literal', value: 'Calm' } } },
      template: [
        { type: 'text', text: 'You have ' },
        { type: 'markupOpen', name: 'b', properties: [] },
        { type: 'value', expr: { type: 'variable', name: 'gold' } },
        { type: 'markupClose', name: 'b' },
        { type: 'text', text: ' gold.' },
      ],
    });
    expect((packed.nodes.act as PackNode & { kind: 'action' }).actions[0]).toMatchObject({
      expression: { source: '.Angry', ast: { type: 'literal', value: 'angry' } },
    });
    expect(packed.nodes.bye).not.toHaveProperty('template');

    const { pack, files } = writePack(content, meta, sha256);
    const read = readPackFiles(new Map(files.map((f) => [f.path, f.text])), sha256);
    expect(read).toEqual(pack);
    const imported = packToProject(read);
    expect(imported.dialogues[0]).toEqual(rich);
    expect(writePack(buildPack({ ...project(), dialogues: imported.dialogues }).content, meta, sha256).files).toEqual(files);
  });

  it('reads a version-1 pack with its texts escaped, so they render as they did before templates', () => {
    const v1Dialogue = { ...smith(), nodes: { ...smith().nodes, hello: { ...smith().nodes.hello, text: 'Costs {5} [gold] \\ each' } } };
    const { content } = buildPack({ ...project(), dialogues: [v1Dialogue] });
    const { template: _template, ...hello } = content.dialogues[0].nodes.hello as PackNode & { template?: unknown };
    const v1Content = { ...content, dialogues: [{ ...content.dialogues[0], nodes: { ...content.dialogues[0].nodes, hello } }] };
    const { files } = writePack(v1Content, meta, sha256);
    const map = new Map(files.map((f) => [f.path, f.text]));
    map.set('manifest.json', JSON.stringify({ ...JSON.parse(map.get('manifest.json')!), formatVersion: 1 }));
    const read = readPackFiles(map, sha256);
    expect(read.manifest.formatVersion).toBe(2);
    expect(read.dialogues[0].nodes.hello).toMatchObject({ text: 'Costs \\{5\\} \\[gold\\] \\\\ each' });
    const [imported] = packToProject(read).dialogues;
    expect(createRuntime(imported, { seed: 1 }).step).toMatchObject({ type: 'line', text: 'Costs {5} [gold] \\ each' });
  });

  it('finds what breaks Roblox JSON: nulls, index-like keys, mixed arrays', () => {
    expect(
      robloxIssues({ a: null, b: { '1': 'x' }, c: [1, { d: 2 }] })
        .map((i) => i.path)
        .sort(),
    ).toEqual(['$.a', '$.b.1', '$.c']);
  });

  it('ships the JSON Schema generated from the zod schemas', () => {
    const committed = readFileSync(join(__dirname, '../..', PACK_JSON_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(canonicalJson(packJsonSchema()));
  });
});
