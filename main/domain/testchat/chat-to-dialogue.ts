import type { DialogueNode, NodeOfKind } from '../dialogue/dialogue-schema';
import { newNode } from '../dialogue/dialogue-factory';
import { escapeText } from '../dialogue/text/template-escapes';

export interface ChatExchange {
  /** What the player said before the reply; null when the reply opened the conversation. */
  player: string | null;
  reply: string;
}

export interface ChatToDialogueOptions {
  speaker: string;
  /** Node ids the dialogue already has, so the new ones do not collide. */
  existingIds: ReadonlySet<string>;
  /** Where the first new node goes (right of the existing graph). */
  origin: { x: number; y: number };
}

const COLUMN = 320;

/**
 * Chat replies as dialogue nodes: each player message becomes a choice with that one
 * option, leading to a line with the NPC's reply, chained in conversation order. The
 * creator then adds other options and branches. Chat is plain text, so its `{ } [ ] \\`
 * are escaped to show as typed rather than read as template syntax. Returns the nodes in
 * order; the first is where the chain starts.
 */
export function chatToDialogueNodes(exchanges: readonly ChatExchange[], options: ChatToDialogueOptions): DialogueNode[] {
  const taken = new Set(options.existingIds);
  let counter = 0;
  const nextId = (prefix: string) => {
    let id: string;
    do id = `${prefix}-chat-${++counter}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
  const nodes: DialogueNode[] = [];
  let previous: NodeOfKind<'line'> | NodeOfKind<'choice'> | null = null;
  const link = (node: NodeOfKind<'line'> | NodeOfKind<'choice'>) => {
    if (previous?.kind === 'line') previous.next = node.id;
    else if (previous?.kind === 'choice') previous.options[0].target = node.id;
    previous = node;
    nodes.push(node);
  };
  const position = () => ({ x: options.origin.x + nodes.length * COLUMN, y: options.origin.y });

  for (const exchange of exchanges) {
    if (exchange.player !== null) {
      const choice = newNode('choice', nextId('choice'), position());
      choice.options = [{ id: `${choice.id}-option`, text: escapeText(exchange.player.trim()) }];
      link(choice);
    }
    const line = newNode('line', nextId('line'), position());
    line.speaker = options.speaker;
    line.text = escapeText(exchange.reply.trim());
    link(line);
  }
  return nodes;
}
