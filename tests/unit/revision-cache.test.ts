import { describe, expect, it } from 'vitest';
import { RevisionCache } from '../../main/core/content/revision-cache';
import { ProjectSession } from '../../main/core/project-session';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const story = (markdown: string) => ({ schemaVersion: 1, markdown, lore: false });

async function openProject() {
  const studio = makeStudio(tempDir());
  const project = await callOk(studio, 'projects:create', { name: 'Cache' });
  await callOk(studio, 'projects:open', { id: project.id });
  const file = (await callOk(studio, 'projects:current', {}))!;
  return { studio, session: ProjectSession.open(file) };
}

describe('revision cache', () => {
  it('makes each value once per revision, in list order, and sees writes, renames and deletes of any connection', async () => {
    const { studio, session } = await openProject();
    const made: string[] = [];
    const cache = new RevisionCache(session.content, 'story', ({ id, name, revision, data }) => {
      made.push(`${name}@${revision}`);
      return { id, name, text: (JSON.parse(data) as { markdown: string }).markdown };
    });
    try {
      const b = await callOk(studio, 'content:create', { kind: 'story', name: 'Beta', data: story('two') });
      const a = await callOk(studio, 'content:create', { kind: 'story', name: 'alpha', data: story('one') });
      expect(cache.all().map((v) => v.name)).toEqual(['alpha', 'Beta']);
      const first = cache.all();
      expect(cache.all()).toBe(first);
      expect(made.sort()).toEqual(['Beta@1', 'alpha@1']);

      await callOk(studio, 'content:save', { id: b.id, data: story('two, revised') });
      await callOk(studio, 'content:save', { id: a.id, name: 'Gamma' });
      const after = cache.all();
      expect(after).not.toBe(first);
      expect(after.map((v) => `${v.name}:${v.text}`)).toEqual(['Beta:two, revised', 'Gamma:one']);
      expect(made.slice(2).sort()).toEqual(['Beta@2', 'Gamma@2']);

      session.content.delete(a.id);
      expect(cache.all().map((v) => v.name)).toEqual(['Beta']);
      expect(made).toHaveLength(4);
    } finally {
      session.close();
    }
  });

  it('fills what changed a few items at a time, after which reading makes nothing', async () => {
    const { studio, session } = await openProject();
    let made = 0;
    const cache = new RevisionCache(session.content, 'story', ({ name }) => {
      made++;
      return name;
    });
    try {
      for (let i = 0; i < 60; i++) await callOk(studio, 'content:create', { kind: 'story', name: `Story ${i}`, data: story(`${i}`) });
      let turns = 0;
      await cache.fill(async () => {
        turns++;
      });
      expect(made).toBe(60);
      expect(turns).toBe(3);
      expect(cache.all()).toHaveLength(60);
      expect(made).toBe(60);
    } finally {
      session.close();
    }
  });
});
