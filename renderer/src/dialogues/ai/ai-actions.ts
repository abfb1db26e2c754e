import { nodeOutputs, validateDialogue, type Dialogue, type DialogueNode } from '../../../../main/domain/dialogue';
import { escapeText } from '../../../../main/domain/dialogue/text';
import { applyPatch } from '../graph/dialogue-patch';
import type { CommandArgs, CommandName, OutputRef } from '../graph/graph-commands';
import { runCommand } from '../graph/graph-commands';
import { firstFreeOutput, newNodeId } from '../graph/node-edits';
import { generateJson, streamText, type AiRun } from './ai-client';
import { expandBranchPrompt, lineInVoicePrompt, playerResponsesPrompt, systemPrompt, type Persona } from './ai-prompts';

/** What an AI action proposes: readable lines for the preview and the one command that applies it. */
export interface AiProposal<K extends CommandName = CommandName> {
  preview: string[];
  /** Problems the graph would have after accepting, so the preview can warn before it changes anything. */
  problems: number;
  command: K;
  args: CommandArgs[K];
}

const MAX_CONTEXT_LINES = 6;
const COLUMN = 330;
const ROW = 150;

/** The lines said before `id`, nearest last, following the first link into each node backwards. */
export function previousLines(dialogue: Dialogue, id: string): string[] {
  const incoming = new Map<string, DialogueNode>();
  for (const node of Object.values(dialogue.nodes)) {
    for (const { target } of nodeOutputs(node)) if (target && !incoming.has(target)) incoming.set(target, node);
  }
  const lines: string[] = [];
  const seen = new Set<string>([id]);
  for (let node = incoming.get(id); node && !seen.has(node.id) && lines.length < MAX_CONTEXT_LINES; node = incoming.get(node.id)) {
    seen.add(node.id);
    if (node.kind === 'line' && node.text) lines.unshift(`${node.speaker || 'Narrator'}: ${node.text}`);
    if (node.kind === 'choice') {
      const picked = node.options.find((o) => o.target && seen.has(o.target));
      if (picked?.text) lines.unshift(`Player: ${picked.text}`);
    }
  }
  return lines;
}

/** Model output as a clean line: first paragraph, no wrapping quotes or speaker prefix, escaped so it shows as written (texts are templates). */
export function cleanLine(text: string, speaker: string): string {
  let line = text
    .trim()
    .split(/\n\s*\n/)[0]
    .trim();
  if (speaker && line.toLowerCase().startsWith(`${speaker.toLowerCase()}:`)) line = line.slice(speaker.length + 1).trim();
  return escapeText(
    line
      .replace(/^["“']+|["”']+$/g, '')
      .trim()
      .slice(0, 2000),
  );
}

const problemCount = <K extends CommandName>(dialogue: Dialogue, command: K, args: CommandArgs[K]) => {
  const entry = runCommand(dialogue, command, args);
  return entry ? validateDialogue(applyPatch(dialogue, entry.patch)).filter((p) => p.severity === 'error').length : 0;
};

function proposal<K extends CommandName>(dialogue: Dialogue, preview: string[], command: K, args: CommandArgs[K]): AiProposal<K> {
  return { preview, problems: problemCount(dialogue, command, args), command, args };
}

/** Writes or rewrites a line (or an AI line's fallback) in the NPC's voice, streamed. */
export async function writeLine(run: AiRun, dialogue: Dialogue, node: DialogueNode, persona: Persona): Promise<AiProposal> {
  if (node.kind !== 'line' && node.kind !== 'aiLine') throw new Error('Only lines can be written');
  const current = node.kind === 'line' ? node.text : node.fallbackText;
  const instruction = node.kind === 'aiLine' ? node.instruction : '';
  const speaker = node.speaker || persona.name;
  const text = cleanLine(
    await streamText(run, {
      system: systemPrompt(persona),
      prompt: lineInVoicePrompt(previousLines(dialogue, node.id), current, speaker, instruction),
      maxTokens: 120,
    }),
    speaker,
  );
  if (!text) throw new Error('The model gave an empty line; try again.');
  const updated = node.kind === 'line' ? { ...node, text } : { ...node, fallbackText: text };
  return proposal(dialogue, [text], 'updateNodes', { nodes: [updated], label: 'AI: write line' });
}

const shortText = { type: 'string' };
const RESPONSES_SCHEMA = {
  type: 'object',
  properties: { first: shortText, second: shortText, third: shortText },
  required: ['first', 'second', 'third'],
};

/** A generated answer as option text, escaped so it shows as written. */
const asText = (value: unknown) => (typeof value === 'string' ? escapeText(value.trim().slice(0, 300)) : '');

/** Three player answers: added as options to a choice, or as a new choice after a line. */
export async function suggestResponses(run: AiRun, dialogue: Dialogue, node: DialogueNode, persona: Persona): Promise<AiProposal> {
  const value = (await generateJson(run, {
    system: systemPrompt(persona),
    prompt: playerResponsesPrompt(
      previousLines(dialogue, node.id).concat(node.kind === 'line' && node.text ? [`${node.speaker || 'Narrator'}: ${node.text}`] : []),
    ),
    schema: RESPONSES_SCHEMA,
    maxTokens: 160,
  })) as Record<string, unknown> | null;
  const answers = [value?.first, value?.second, value?.third].map(asText).map((t, i) => t || `Response ${i + 1}`);
  if (node.kind === 'choice') {
    const start = node.options.length;
    const options = [
      ...node.options,
      ...answers.map((text, i) => ({ id: `o${start + i + 1}_${Math.random().toString(36).slice(2, 6)}`, text })),
    ];
    return proposal(dialogue, answers, 'updateNodes', { nodes: [{ ...node, options }], label: 'AI: suggest responses' });
  }
  const from = attachPoint(node);
  const id = newNodeId('choice', (x) => x in dialogue.nodes);
  const choice: DialogueNode = {
    id,
    kind: 'choice',
    position: { x: node.position.x + COLUMN, y: node.position.y },
    options: answers.map((text, i) => ({ id: `o${i + 1}`, text })),
  };
  return proposal(dialogue, answers, 'insertNodes', { nodes: [choice], label: 'AI: suggest responses', connectFrom: from });
}

const attachPoint = (node: DialogueNode): OutputRef | undefined => {
  const field = firstFreeOutput(node);
  return field ? { nodeId: node.id, field } : undefined;
};

const expandSchema = (lines: number) => ({
  type: 'object',
  properties: {
    lines: { type: 'array', items: shortText, minItems: lines, maxItems: lines },
    answers: { type: 'array', items: shortText, minItems: 2, maxItems: 3 },
  },
  required: ['lines', 'answers'],
});

/**
 * A branch grown from the node's first free output: `lineCount` NPC lines in a chain, then a
 * choice whose every answer ends the conversation. Connected by construction, so the only
 * problems it can add are the texts themselves, which the preview reports.
 */
export async function expandBranch(
  run: AiRun,
  dialogue: Dialogue,
  node: DialogueNode,
  persona: Persona,
  lineCount = 3,
): Promise<AiProposal> {
  const speaker = (node.kind === 'line' || node.kind === 'aiLine' ? node.speaker : '') || persona.name;
  const value = (await generateJson(run, {
    system: systemPrompt(persona),
    prompt: expandBranchPrompt(previousLines(dialogue, node.id), lineCount, speaker),
    schema: expandSchema(lineCount),
    maxTokens: 60 * lineCount + 120,
  })) as { lines?: unknown[]; answers?: unknown[] } | null;
  const texts = (value?.lines ?? []).map(asText).filter(Boolean);
  const answers = (value?.answers ?? []).map(asText).filter(Boolean);
  if (texts.length === 0) throw new Error('The model gave no lines; try again.');

  const taken = new Set(Object.keys(dialogue.nodes));
  const fresh = (kind: DialogueNode['kind']) => {
    const id = newNodeId(kind, (x) => taken.has(x));
    taken.add(id);
    return id;
  };
  const at = (column: number, row = 0) => ({ x: node.position.x + COLUMN * (column + 1), y: node.position.y + ROW * row });
  const lineIds = texts.map(() => fresh('line'));
  const choiceId = fresh('choice');
  const endIds = answers.map(() => fresh('end'));
  const nodes: DialogueNode[] = texts.map((text, i) => ({
    id: lineIds[i],
    kind: 'line',
    position: at(i),
    speaker,
    text,
    lineId: lineIds[i],
    next: lineIds[i + 1] ?? (answers.length ? choiceId : undefined),
  }));
  if (answers.length) {
    nodes.push({
      id: choiceId,
      kind: 'choice',
      position: at(texts.length),
      options: answers.map((text, i) => ({ id: `o${i + 1}`, text, target: endIds[i] })),
    });
    answers.forEach((_, i) => nodes.push({ id: endIds[i], kind: 'end', position: at(texts.length + 1, i) }));
  } else {
    const last = nodes.at(-1) as Extract<DialogueNode, { kind: 'line' }>;
    const endId = fresh('end');
    last.next = endId;
    nodes.push({ id: endId, kind: 'end', position: at(texts.length) });
  }
  const preview = [...texts.map((t) => `${speaker || 'NPC'}: ${t}`), ...answers.map((a) => `Player: ${a}`)];
  return proposal(dialogue, preview, 'insertNodes', { nodes, label: 'AI: expand branch', connectFrom: attachPoint(node) });
}

const MAX_FILL = 12;

/** Writes every empty line (up to a dozen per run) in turn, each in the NPC's voice. */
export async function fillEmptyLines(run: AiRun, dialogue: Dialogue, persona: Persona): Promise<AiProposal> {
  const empty = Object.values(dialogue.nodes)
    .filter((n): n is Extract<DialogueNode, { kind: 'line' }> => n.kind === 'line' && !n.text.trim())
    .slice(0, MAX_FILL);
  if (empty.length === 0) throw new Error('No empty lines to fill.');
  const filled: DialogueNode[] = [];
  let working = dialogue;
  for (const node of empty) {
    const speaker = node.speaker || persona.name;
    const text = cleanLine(
      await streamText(run, {
        system: systemPrompt(persona),
        prompt: lineInVoicePrompt(previousLines(working, node.id), '', speaker),
        maxTokens: 100,
      }),
      speaker,
    );
    const updated = { ...node, text: text || '…' };
    filled.push(updated);
    working = applyPatch(working, { upsertNodes: [updated] });
  }
  const preview = filled.map((n) => (n.kind === 'line' ? `${n.id}: ${n.text}` : n.id));
  return proposal(dialogue, preview, 'updateNodes', { nodes: filled, label: 'AI: fill empty lines' });
}
