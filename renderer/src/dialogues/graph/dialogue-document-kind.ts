import type { DialogueChange } from '../../../../preload/contract/dialogues';
import type { Dialogue } from '../../../../main/domain/dialogue';
import type { DocumentKind, SaveFailure } from '../../documents/document-session';
import { issueProblems, pathName } from '../../documents/schema-problems';
import { HEADER_KEYS, headerValue, type HeaderKey } from './dialogue-patch';
import { buildSaveChange, type HeldBack } from './save-patch';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The refused nodes and fields the creator has not changed since: sending them again would only be refused again. */
function heldBack(draft: Dialogue, failure: SaveFailure<DialogueChange> | null): HeldBack {
  const held = { nodeIds: new Set<string>(), header: new Set<HeaderKey>() };
  const refused = failure?.refused;
  if (!refused) return held;
  for (const problem of failure.problems) {
    if (problem.nodeId !== undefined) {
      const sent = refused.upsertNodes?.find((node) => node.id === problem.nodeId);
      if (sent && same(sent, draft.nodes[problem.nodeId])) held.nodeIds.add(problem.nodeId);
      continue;
    }
    const key = HEADER_KEYS.find((k) => problem.field === k || problem.field.startsWith(`${k}.`));
    if (key && same(refused[key], headerValue(draft, key))) held.header.add(key);
  }
  return held;
}

/**
 * A dialogue is saved as a patch (`dialogues:save`): the nodes and header fields that
 * differ from the stored dialogue. A refusal names the node (and its field) the server
 * rejected; that node is held back until the creator changes it, and the rest still saves.
 */
export const dialogueDocumentKind = (id: string): DocumentKind<Dialogue, DialogueChange> => ({
  load: async (api) => {
    const doc = await api.call('dialogues:get', { id });
    return { value: doc.dialogue, revision: doc.revision, updatedAt: doc.updatedAt };
  },
  request: (draft, saved, revision, failure) => {
    const built = buildSaveChange(saved, draft, id, revision, heldBack(draft, failure));
    return built && { input: built.change, stored: built.stored };
  },
  send: (api, input) => api.call('dialogues:save', input),
  locate: (input, issues) =>
    issueProblems(issues, (path) => {
      const node = path[0] === 'upsertNodes' && typeof path[1] === 'number' ? input.upsertNodes?.[path[1]] : undefined;
      return node ? { nodeId: node.id, field: pathName(path.slice(2)) } : { field: pathName(path) };
    }),
});
