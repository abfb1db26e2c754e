import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applySplice, spliceBetween, WHOLE_EVERY } from '../../main/core/content/revision-delta';
import { createRandom } from '../../main/domain/dialogue/seeded-random';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const story = (markdown: string) => ({ schemaVersion: 1, markdown, lore: false });

describe('revision deltas', () => {
  it('finds the one span that turns a text into another, also across surrogate pairs and at the ends', () => {
    const random = createRandom(3);
    const alphabet = ['a', 'b', 'é', '😀', '\n', '"'];
    const text = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 500; i++) {
      const before = text(Math.floor(random() * 30));
      const after = random() < 0.5 ? text(Math.floor(random() * 30)) : before.slice(0, 5) + text(3) + before.slice(8);
      const splice = spliceBetween(before, after);
      expect(applySplice(before, splice)).toBe(after);
      expect(JSON.parse(JSON.stringify(splice))).toEqual(splice);
    }
    expect(spliceBetween('same', 'same')).toEqual({ at: 4, cut: 0, text: '' });
  });

  it('keeps the whole common start and end of long texts, wherever the change falls against the blocks it compares', () => {
    const random = createRandom(5);
    const long = Array.from({ length: 20_000 }, (_, i) => 'ab😀\n'[i % 5]).join('');
    for (let i = 0; i < 200; i++) {
      const at = Math.floor(random() * long.length);
      const cut = Math.floor(random() * 3) * Math.floor(random() * 5000);
      const inserted = random() < 0.3 ? '' : 'XY'.repeat(Math.floor(random() * 3) + 1);
      const after = long.slice(0, at) + inserted + long.slice(at + cut);
      const splice = spliceBetween(long, after);
      expect(applySplice(long, splice)).toBe(after);
      let prefix = 0;
      while (prefix < Math.min(long.length, after.length) && long[prefix] === after[prefix]) prefix++;
      expect(splice.at).toBe(prefix);
      expect(splice.text.length).toBeLessThanOrEqual(inserted.length);
    }
  });

  it('stores small saves of a long story as splices and reads every revision back exactly', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const project = await callOk(studio, 'projects:create', { name: 'Long' });
    await callOk(studio, 'projects:open', { id: project.id });
    const random = createRandom(11);
    let markdown = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} of the long draft, where the tide comes in.`).join('\n\n');
    const item = await callOk(studio, 'content:create', { kind: 'story', name: 'Draft', data: story(markdown) });
    const saved = new Map<number, { name: string; data: unknown }>([[1, { name: 'Draft', data: story(markdown) }]]);
    let name = 'Draft';
    for (let i = 0; i < 60; i++) {
      const roll = random();
      if (roll < 0.1) {
        name = `Draft ${i}`;
        const renamed = await callOk(studio, 'content:save', { id: item.id, name });
        saved.set(renamed.revision, { name, data: story(markdown) });
        continue;
      }
      if (roll < 0.15) {
        const earlier = 1 + Math.floor(random() * (saved.size - 1));
        const restored = await callOk(studio, 'content:restore', { id: item.id, revision: earlier });
        ({ name } = saved.get(earlier)!);
        markdown = (saved.get(earlier)!.data as { markdown: string }).markdown;
        saved.set(restored.revision, { name, data: story(markdown) });
        continue;
      }
      // Typing in one place, or (one save in five) edits far apart in the text.
      const at = Math.floor(random() * markdown.length);
      markdown = `${markdown.slice(0, at)} and the bell rang${markdown.slice(at + Math.floor(random() * 20))}`;
      if (roll > 0.8) markdown = `Prologue ${i}. ${markdown}!`;
      const next = await callOk(studio, 'content:save', { id: item.id, data: story(markdown) });
      saved.set(next.revision, { name, data: story(markdown) });
    }
    for (const [revision, expected] of saved) {
      const read = await callOk(studio, 'content:revision', { id: item.id, revision });
      expect({ revision, name: read.name, data: read.data }).toEqual({ revision, ...expected });
    }
    await callOk(studio, 'projects:close', {});
    studio.close();

    const db = new Database(`${dir}/Long.loreweaver`, { readonly: true });
    const rows = db
      .prepare('SELECT revision, delta, length(data) AS bytes FROM revisions WHERE item_id = ? ORDER BY revision')
      .all(item.id) as {
      revision: number;
      delta: number;
      bytes: number;
    }[];
    db.close();
    const whole = JSON.stringify(story(markdown)).length;
    const stored = rows.reduce((sum, row) => sum + row.bytes, 0);
    // Whole at least every WHOLE_EVERY revisions (so reads stay short), splices in between.
    let sinceWhole = 0;
    for (const row of rows) {
      sinceWhole = row.delta ? sinceWhole + 1 : 0;
      expect(sinceWhole).toBeLessThan(WHOLE_EVERY);
    }
    expect(rows.filter((r) => r.delta).length).toBeGreaterThan(rows.length / 2);
    expect(stored).toBeLessThan((rows.length * whole) / 3);
  });

  it('keeps an avatar out of every NPC revision after the first', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const project = await callOk(studio, 'projects:create', { name: 'Faces' });
    await callOk(studio, 'projects:open', { id: project.id });
    const dataUrl = `data:image/png;base64,${Buffer.alloc(150_000, 7).toString('base64')}`;
    const npc = await callOk(studio, 'npcs:create', { name: 'Mirela', persona: { avatar: { kind: 'dataUrl', dataUrl } } });
    let revision = npc.revision;
    for (let i = 0; i < 10; i++) {
      revision = (
        await callOk(studio, 'npcs:save', {
          id: npc.id,
          persona: { ...npc.persona, personality: `Stern, mood ${i}` },
          baseRevision: revision,
        })
      ).revision;
    }
    expect((await callOk(studio, 'npcs:get', { id: npc.id })).persona.personality).toBe('Stern, mood 9');
    expect(((await callOk(studio, 'content:revision', { id: npc.id, revision: 6 })).data as { personality: string }).personality).toBe(
      'Stern, mood 4',
    );
    await callOk(studio, 'projects:close', {});
    studio.close();
    const db = new Database(`${dir}/Faces.loreweaver`, { readonly: true });
    const { bytes } = db.prepare('SELECT sum(length(data)) AS bytes FROM revisions WHERE item_id = ?').get(npc.id) as { bytes: number };
    db.close();
    expect(bytes).toBeLessThan(dataUrl.length * 1.1);
  });
});
