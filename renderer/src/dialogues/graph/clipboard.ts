import { z } from 'zod';
import { DialogueNode } from '../../../../main/domain/dialogue';

const MARKER = 'loreweaver/dialogue-nodes';
const Payload = z.object({ format: z.literal(MARKER), nodes: z.array(DialogueNode).min(1).max(5000) });

/** Nodes as clipboard text: JSON with a marker, so pasting elsewhere shows readable data and stray text is not taken for nodes. */
export const serializeNodes = (nodes: readonly DialogueNode[]): string => JSON.stringify({ format: MARKER, nodes }, null, 2);

/** The nodes in clipboard text, or null when it holds something else. */
export function parseNodes(text: string): DialogueNode[] | null {
  try {
    const parsed = Payload.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.nodes : null;
  } catch {
    return null;
  }
}
