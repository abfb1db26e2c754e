import { describe, expect, it } from 'vitest';
import { loadNpc, newNpcPersona, NpcPersona, NpcRecord } from '../../main/domain/npc';
import { RecordError } from '../../main/domain/records/versioned-record';

const identity = { id: 'npc-1', name: 'Mirela' };

describe('NPC persona record', () => {
  it('creates valid empty personas', () => {
    expect(NpcPersona.parse(newNpcPersona(identity))).toEqual(newNpcPersona(identity));
    expect(NpcRecord.currentVersion).toBe(1);
  });

  it('opens a foundation-era item and keeps its notes as creator notes', () => {
    expect(loadNpc({ notes: 'Forges moonsteel' }, identity)).toEqual({ ...newNpcPersona(identity), creatorNotes: 'Forges moonsteel' });
  });

  it('refuses newer and invalid records', () => {
    expect(() => loadNpc({ ...newNpcPersona(identity), schemaVersion: 2 }, identity)).toThrow(RecordError);
    expect(() => loadNpc({ ...newNpcPersona(identity), tags: 'x' }, identity)).toThrow(/tags/);
  });

  it('bounds field sizes and checks avatars', () => {
    const persona = newNpcPersona(identity);
    expect(NpcPersona.safeParse({ ...persona, description: 'x'.repeat(200_001) }).success).toBe(false);
    expect(NpcPersona.safeParse({ ...persona, avatar: { kind: 'dataUrl', dataUrl: 'javascript:alert(1)' } }).success).toBe(false);
    expect(NpcPersona.safeParse({ ...persona, avatar: { kind: 'dataUrl', dataUrl: 'data:image/png;base64,AAAA' } }).success).toBe(true);
    expect(NpcPersona.safeParse({ ...persona, avatar: { kind: 'asset', assetId: 'img-1' } }).success).toBe(true);
  });

  it('keeps unknown extensions untouched', () => {
    const extensions = { chub: { id: 1, nested: [{ a: null }] }, 'vendor/x': 'y' };
    expect(NpcPersona.parse({ ...newNpcPersona(identity), extensions }).extensions).toEqual(extensions);
  });
});
