import type { NpcDocument } from '../../../preload/contract/npcs';
import type { NpcPersona } from '../../../main/domain/npc';
import type { DocumentKind } from '../documents/document-session';
import { issueProblems, pathName } from '../documents/schema-problems';

type NpcSave = { id: string; persona: NpcPersona; baseRevision: number };

const stored = (doc: NpcDocument) => ({ revision: doc.revision, updatedAt: doc.updatedAt });

/** An NPC is saved whole (`npcs:save`); a refusal names the persona field (`name`, `lorebook`…). */
export const npcDocumentKind = (id: string): DocumentKind<NpcPersona, NpcSave> => ({
  load: async (api) => {
    const doc = await api.call('npcs:get', { id });
    return { value: doc.persona, ...stored(doc) };
  },
  request: (persona, _saved, baseRevision) => ({ input: { id, persona, baseRevision }, stored: persona }),
  send: async (api, input) => stored(await api.call('npcs:save', input)),
  locate: (_input, issues) => issueProblems(issues, (path) => ({ field: pathName(path[0] === 'persona' ? path.slice(1) : path) })),
});
