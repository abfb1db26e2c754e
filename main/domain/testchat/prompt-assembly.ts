import type { DialogueState } from '../dialogue/dialogue-state';
import type { NpcPersona } from '../npc/npc-schema';
import { matchLorebook, selectLore, type FiredEntry, type LoreMatch, type SkippedEntry } from './lorebook-scan';
import { describeState } from './state-summary';

/** A message as the model's chat API takes it. */
export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LoreDocument {
  title: string;
  text: string;
}

export interface PromptInput {
  persona: NpcPersona;
  /** What `{{user}}` stands for. */
  userName: string;
  /** The conversation before the new message, oldest first, as shown. */
  history: readonly { role: 'user' | 'npc'; text: string }[];
  /** The player's new message. */
  userText: string;
  /** Project lore documents the NPC knows. */
  lore: readonly LoreDocument[];
  state: DialogueState;
  questNames?: Readonly<Record<string, string>>;
  /** The model's context, in tokens, and how many of them the reply needs. */
  contextSize: number;
  replyTokens: number;
  countTokens(text: string): number;
  /** What the lorebook's keys find in `loreMessages(input)`, when the caller matched them beforehand (in turns); otherwise matched here. */
  matched?: LoreMatch;
}

export interface AssembledPrompt {
  /**
   * System prompt first, then the turns that fit, then the note (triggered lore, game
   * state, post-history instructions) as a system message, then the new user message.
   */
  messages: PromptMessage[];
  fired: FiredEntry[];
  skipped: SkippedEntry[];
  /** The oldest messages left out so the prompt fits the context. */
  droppedMessages: number;
  estimatedTokens: number;
}

/** Project lore may take at most this share of the context; documents past it are cut. */
const LORE_SHARE = 0.25;
/** What the chat template adds around each message, roughly. */
const PER_MESSAGE_OVERHEAD = 4;

const fill = (text: string, persona: NpcPersona, userName: string) =>
  text.replace(/\{\{\s*char\s*\}\}/gi, persona.name).replace(/\{\{\s*user\s*\}\}/gi, userName);

const section = (title: string, body: string) => (body.trim() ? `${title}:\n${body.trim()}` : '');

/** The texts the lorebook's keys are matched against: the conversation, then the new message. */
export const loreMessages = (input: Pick<PromptInput, 'history' | 'userText'>): string[] => [
  ...input.history.map((message) => message.text),
  input.userText,
];

/**
 * The prompt of one test-chat turn, built the way character-card front ends build it.
 *
 * What stays the same from turn to turn comes first, so the engine keeps it cached: the
 * persona's system prompt (or a default one), the constant lorebook entries before and
 * after the character's definition, project lore and example dialogue. What changes with
 * each turn (lorebook entries triggered by recent messages, the game state, post-history
 * instructions) goes into one note right before the newest message, so only the latest
 * exchange is evaluated again. When the conversation does not fit, the oldest messages
 * are left out; the system prompt and the note always stay.
 */
export function assemblePrompt(input: PromptInput): AssembledPrompt {
  const { persona, userName, countTokens } = input;
  const text = (value: string) => fill(value, persona, userName);
  const scan = selectLore(persona.lorebook, input.matched ?? matchLorebook(persona.lorebook, loreMessages(input)), countTokens);
  const constant = scan.fired.filter((entry) => entry.reason === 'constant');
  const triggered = scan.fired.filter((entry) => entry.reason !== 'constant');
  const entries = (list: FiredEntry[], position: 'before' | 'after') =>
    list
      .filter((entry) => (position === 'before' ? entry.position === 'before_char' : entry.position !== 'before_char'))
      .map((entry) => text(entry.content.trim()))
      .filter(Boolean)
      .join('\n\n');

  const system = [
    text(persona.systemPrompt.trim()) ||
      `You are ${persona.name}${persona.role ? `, ${persona.role}` : ''}. Stay in character and write ${persona.name}'s next reply to ${userName}: ` +
        'speech and brief actions, in the first person, a few sentences at most.',
    entries(constant, 'before'),
    section(`${persona.name}`, text(persona.description)),
    section('Personality', text(persona.personality)),
    section('Speaking style', text(persona.speakingStyle)),
    section('Backstory', text(persona.backstory)),
    section('Goals', persona.goals.map((goal) => `- ${text(goal)}`).join('\n')),
    section('Scenario', text(persona.scenario)),
    entries(constant, 'after'),
    section('World lore', loreText(input.lore, Math.floor(input.contextSize * LORE_SHARE), countTokens)),
    section('Example dialogue', text(persona.exampleDialogue)),
  ]
    .filter(Boolean)
    .join('\n\n');

  const note = [
    triggered.length ? `Relevant lore:\n${triggered.map((entry) => text(entry.content.trim())).join('\n\n')}` : '',
    describeState(input.state, input.questNames),
    text(persona.postHistoryInstructions.trim()),
  ]
    .filter(Boolean)
    .join('\n\n');

  const cost = (content: string) => countTokens(content) + PER_MESSAGE_OVERHEAD;
  let used = cost(system) + (note ? cost(note) : 0) + cost(input.userText) + input.replyTokens;
  const kept: PromptMessage[] = [];
  let index = input.history.length - 1;
  for (; index >= 0; index--) {
    const message = input.history[index];
    const tokens = cost(message.text);
    if (used + tokens > input.contextSize) break;
    used += tokens;
    kept.unshift({ role: message.role === 'user' ? 'user' : 'assistant', content: message.text });
  }
  // A reply first in the window would read as the NPC speaking unprompted: start at a player message.
  while (kept[0]?.role === 'assistant' && index >= 0) {
    used -= cost(kept.shift()!.content);
    index++;
  }

  return {
    messages: [
      { role: 'system', content: system },
      ...kept,
      ...(note ? [{ role: 'system' as const, content: note }] : []),
      { role: 'user', content: input.userText },
    ],
    fired: scan.fired,
    skipped: scan.skipped,
    droppedMessages: input.history.length - kept.length,
    estimatedTokens: used - input.replyTokens,
  };
}

/** Lore documents in order, cut where the budget runs out. */
function loreText(lore: readonly LoreDocument[], budget: number, countTokens: (text: string) => number): string {
  const parts: string[] = [];
  let used = 0;
  for (const doc of lore) {
    const body = `## ${doc.title}\n${doc.text.trim()}`;
    const tokens = countTokens(body);
    if (used + tokens <= budget) {
      parts.push(body);
      used += tokens;
      continue;
    }
    const room = budget - used;
    if (room > 16) parts.push(`${body.slice(0, Math.floor((body.length * room) / tokens))}…`);
    break;
  }
  return parts.join('\n\n');
}
