import { randomUUID } from 'node:crypto';
import type { PlaythroughSummary, PlaythroughView, ReplyOptions } from '../../../preload/contract/testchat';
import type { Dialogue } from '../../domain/dialogue/dialogue-schema';
import { emptyDialogueState, type DialogueState } from '../../domain/dialogue/dialogue-state';
import { createRuntime, DialogueRuntimeError, type DialogueRuntime } from '../../domain/dialogue/runtime';
import { newNpcPersona } from '../../domain/npc/npc-record';
import type { NpcPersona } from '../../domain/npc/npc-schema';
import { choiceMappingPrompt, choiceMappingSchema, mappedChoice } from '../../domain/testchat/choice-mapping';
import type { ReferenceNames } from '../../domain/dialogue/reference-rules';
import { describeEvent } from '../../domain/testchat/describe-event';
import {
  automaticStepLimit,
  PLAYTHROUGH_LIMITS,
  type Playthrough,
  type PlaythroughEntry,
  type PlaythroughInput,
} from '../../domain/testchat/playthrough';
import { describeState } from '../../domain/testchat/state-summary';
import { transcriptText } from '../../domain/testchat/transcript-text';
import { AppError } from '../app-error';
import type { LlmService } from '../llm/llm-service';
import type { ProjectSession } from '../project-session';
import { PLAYER_NAME } from './conversation-service';
import { assemblePromptInTurns } from './prompt-in-turns';
import type { MarkupSpan } from '../../domain/dialogue/text/template-parts';

/** The text an AI line will say when the player moves on, and where it came from. */
interface Improvised {
  nodeId: string;
  text: string;
  source: 'improvised' | 'fallback';
}

interface Live {
  runtime: DialogueRuntime;
  segments: number;
  improvised: Improvised | null;
}

const LINE_TOKENS = 120;
const FULL = `This playthrough is full (${PLAYTHROUGH_LIMITS.maxLog.toLocaleString('en')} log entries or ${PLAYTHROUGH_LIMITS.maxInputs.toLocaleString('en')} moves); download its transcript and start a new one.`;
const REPLAY_BROKEN = 'The dialogue changed since this playthrough was saved, so it cannot be replayed; restart it.';

/** A transcript entry's markup, when it has any, as the log keeps it. */
const markupOf = (entry: { markup?: MarkupSpan[] }) => (entry.markup?.length ? { markup: entry.markup } : {});

/**
 * Playthroughs of authored dialogues on the domain runtime, the same one the exported
 * runtimes are tested against. A playthrough is saved as the creator's inputs and a log;
 * after a restart of the studio it is rebuilt by replaying the inputs with the same seed.
 * Setting the state in the inspector or restarting starts a new runtime segment on the
 * current (or chosen) node, so what the creator tried stays in one transcript.
 */
export class PlaythroughService {
  private readonly live = new Map<string, Live>();

  constructor(
    private readonly project: () => ProjectSession,
    private readonly llm: LlmService,
  ) {}

  list(dialogueId: string | undefined): PlaythroughSummary[] {
    return this.project()
      .playthroughs.list(dialogueId)
      .map(({ ownerId, ...rest }) => ({ ...rest, dialogueId: ownerId }));
  }

  /** Reads what changed of the project's quests, which steps play against, a few at a time. */
  ready(): Promise<void> {
    return this.project().quests.ready('checks');
  }

  start(input: { dialogueId: string; startNodeId?: string; state?: DialogueState; seed?: string }): PlaythroughView {
    const dialogue = this.dialogue(input.dialogueId);
    if (input.startNodeId !== undefined && !Object.hasOwn(dialogue.nodes, input.startNodeId)) {
      throw new AppError('not_found', `The dialogue has no node ${input.startNodeId}.`);
    }
    const created = new Date().toISOString();
    const playthrough: Playthrough = {
      schemaVersion: 1,
      id: randomUUID(),
      dialogueId: input.dialogueId,
      title: `${dialogue.name}, ${created.slice(0, 16).replace('T', ' ')}`,
      createdAt: created,
      updatedAt: created,
      seed: input.seed ?? randomUUID(),
      ...(input.startNodeId === undefined ? {} : { startNodeId: input.startNodeId }),
      initialState: input.state ?? emptyDialogueState(),
      inputs: [],
      log: [],
    };
    const live = this.fresh(playthrough, dialogue, playthrough.initialState, playthrough.startNodeId, 0);
    this.live.set(playthrough.id, live);
    this.record(playthrough, live, { transcript: 0, events: 0 });
    return this.view(this.save(playthrough), live);
  }

  get(id: string): PlaythroughView {
    const playthrough = this.stored(id);
    return this.view(playthrough, this.liveOf(playthrough));
  }

  advance(id: string): PlaythroughView {
    return this.act(this.stored(id), (live) => {
      const { step } = live.runtime;
      if (step.type === 'aiLine') {
        const text = live.improvised?.nodeId === step.nodeId && live.improvised.source === 'improvised' ? live.improvised.text : undefined;
        live.runtime.advance(text);
        return { type: 'advance', ...(text === undefined ? {} : { text }) };
      }
      live.runtime.advance();
      return { type: 'advance' };
    });
  }

  choose(id: string, optionId: string): PlaythroughView {
    return this.act(this.stored(id), (live) => {
      live.runtime.choose(optionId);
      return { type: 'choose', optionId };
    });
  }

  setState(id: string, state: DialogueState): PlaythroughView {
    return this.act(this.stored(id), (live, playthrough, dialogue) => {
      const nodeId = live.runtime.step.nodeId ?? playthrough.startNodeId;
      Object.assign(live, this.fresh(playthrough, dialogue, state, nodeId, live.segments + 1));
      const lines = describeState(state, this.project().lore.questNames()).split('\n').slice(1);
      playthrough.log.push({ type: 'state', text: lines.map((line) => line.replace(/^- /, '')).join('; ') || 'cleared' });
      return { type: 'setState', state };
    });
  }

  restart(id: string, nodeId: string | undefined): PlaythroughView {
    return this.act(this.stored(id), (live, playthrough, dialogue) => {
      if (nodeId !== undefined && !Object.hasOwn(dialogue.nodes, nodeId))
        throw new AppError('not_found', `The dialogue has no node ${nodeId}.`);
      Object.assign(
        live,
        this.fresh(playthrough, dialogue, playthrough.initialState, nodeId ?? playthrough.startNodeId, live.segments + 1),
      );
      playthrough.log.push({ type: 'restart', ...(nodeId === undefined ? {} : { nodeId }) });
      return { type: 'restart', ...(nodeId === undefined ? {} : { nodeId }) };
    });
  }

  /**
   * The model improvises the AI line on screen in character, within its instruction,
   * streamed under `requestId`. When it fails, is cancelled or has nothing to say, the
   * authored fallback is used; either way the text shows before the player moves on.
   */
  async improvise(id: string, options: ReplyOptions): Promise<PlaythroughView> {
    const playthrough = this.stored(id);
    const live = this.liveOf(playthrough);
    const { step } = live.runtime;
    if (step.type !== 'aiLine') throw new AppError('invalid_input', 'The playthrough is not at an AI line.');
    let text = '';
    try {
      const result = await this.speak(playthrough, live, `(${step.instruction.trim() || 'Say something fitting.'})`, options);
      text = result.stopReason === 'cancelled' ? '' : result.text.trim();
    } catch {
      text = '';
    }
    live.improvised = text
      ? { nodeId: step.nodeId, text, source: 'improvised' }
      : { nodeId: step.nodeId, text: step.fallbackText, source: 'fallback' };
    return this.view(playthrough, live);
  }

  /**
   * Words the player typed. At a choice the model maps them to one of the choices on
   * screen (its answer is held to their ids or `none`); when one fits it is taken. When
   * none fits, or the NPC is speaking, the NPC answers in character and the playthrough
   * stays where it is.
   */
  async say(id: string, text: string, options: ReplyOptions): Promise<PlaythroughView> {
    const playthrough = this.stored(id);
    const live = this.liveOf(playthrough);
    const { step } = live.runtime;
    if (step.type === 'end') throw new AppError('invalid_input', 'The playthrough has ended; restart it to keep talking.');
    if (step.type === 'choice' && step.options.some((option) => option.available)) {
      const answer = await this.llm.generateJson({
        prompt: choiceMappingPrompt(text, step.options),
        schema: choiceMappingSchema(step.options),
        maxTokens: 40,
        temperature: 0,
      });
      const optionId = mappedChoice(answer.value, step.options);
      if (optionId) {
        playthrough.log.push({ type: 'said', text, optionId });
        return this.act(playthrough, (current) => {
          current.runtime.choose(optionId);
          return { type: 'choose', optionId };
        });
      }
    }
    const speaker = step.type === 'choice' ? this.speaker(playthrough, live) : step.speaker;
    const result = await this.speak(playthrough, live, text, options);
    playthrough.log.push({ type: 'said', text });
    if (result.text.trim()) playthrough.log.push({ type: 'reply', speaker, text: result.text.trim() });
    return this.view(this.save(playthrough), live);
  }

  delete(id: string): { id: string } {
    this.project().playthroughs.delete(id);
    this.live.delete(id);
    return { id };
  }

  transcript(id: string): { fileName: string; text: string } {
    const playthrough = this.stored(id);
    const name = this.project().content.row(playthrough.dialogueId).name;
    const fileName = `${playthrough.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'playthrough'}.txt`;
    return { fileName, text: transcriptText(playthrough, name) };
  }

  /** Forgets the running playthroughs: the project is closing. */
  close(): void {
    this.live.clear();
  }

  /** Runs one input on the live runtime, logs what it caused, and saves the playthrough. */
  private act(
    playthrough: Playthrough,
    perform: (live: Live, playthrough: Playthrough, dialogue: Dialogue) => PlaythroughInput,
  ): PlaythroughView {
    const live = this.liveOf(playthrough);
    const before = { transcript: live.runtime.transcript.length, events: live.runtime.events.length };
    const runtime = live.runtime;
    let input: PlaythroughInput;
    try {
      input = perform(live, playthrough, this.dialogue(playthrough.dialogueId));
    } catch (error) {
      if (error instanceof DialogueRuntimeError) throw new AppError('invalid_input', error.message);
      throw error;
    }
    // A new segment (state set, restart) starts with a transcript of its own.
    this.record(playthrough, live, runtime === live.runtime ? before : { transcript: 0, events: 0 });
    playthrough.inputs.push(input);
    if (playthrough.log.length > PLAYTHROUGH_LIMITS.maxLog || playthrough.inputs.length > PLAYTHROUGH_LIMITS.maxInputs) {
      // The stored playthrough stays as it was; the live one is rebuilt from it on the next call.
      this.live.delete(playthrough.id);
      throw new AppError('invalid_input', FULL);
    }
    live.improvised = null;
    return this.view(this.save(playthrough), live);
  }

  /** Appends to the log what the runtime did since `before`: lines, choices, effects, and the end. */
  private record(playthrough: Playthrough, live: Live, before: { transcript: number; events: number }): void {
    const { runtime } = live;
    const entries: PlaythroughEntry[] = [];
    for (const entry of runtime.transcript.slice(before.transcript)) {
      entries.push(
        entry.type === 'line'
          ? { type: 'line', nodeId: entry.nodeId, speaker: entry.speaker, text: entry.text, ...markupOf(entry), source: entry.source }
          : { type: 'choice', nodeId: entry.nodeId, optionId: entry.optionId, text: entry.text, ...markupOf(entry) },
      );
    }
    const events = runtime.events.slice(before.events);
    if (events.length) {
      const names = this.eventNames();
      for (const event of events) entries.push({ type: 'effect', nodeId: event.nodeId, text: describeEvent(event, names) });
    }
    playthrough.log.push(...entries);
    this.recordEnd(playthrough, live);
  }

  /** The project's quest and item names, for the log's effects. */
  private eventNames(): ReferenceNames {
    const project = this.project();
    const quests = new Map(project.quests.outlines().map((quest) => [quest.id, quest]));
    const items = new Map(project.world.list('item').map((item) => [item.id, item.name]));
    return { quest: (id) => quests.get(id), item: (id) => items.get(id) };
  }

  private recordEnd(playthrough: Playthrough, live: Live): void {
    const { step } = live.runtime;
    if (step.type !== 'end') return;
    const text =
      step.reason === 'end'
        ? `The end${step.outcome ? `: ${step.outcome}` : ''}`
        : step.reason === 'jump'
          ? `Continues in dialogue ${step.jump?.dialogueId}`
          : step.reason === 'unconnected'
            ? 'Stopped: an output leads nowhere'
            : `Stopped: ${step.message}`;
    playthrough.log.push({ type: 'end', reason: step.reason, text });
  }

  private fresh(
    playthrough: Playthrough,
    dialogue: Dialogue,
    state: DialogueState,
    startNodeId: string | undefined,
    segments: number,
  ): Live {
    return {
      // The project's quest definitions drive stages, outcomes and rewards, as in the exported runtimes.
      runtime: createRuntime(dialogue, {
        seed: `${playthrough.seed}:${segments}`,
        state,
        startNodeId,
        maxAutomaticSteps: automaticStepLimit(dialogue),
        quests: this.project().quests.all(),
        // Detours into other dialogues of the project play them in the same conversation.
        dialogues: (id) => this.existingDialogue(id),
      }),
      segments,
      improvised: null,
    };
  }

  /** The running playthrough, rebuilt by replaying its inputs when the studio restarted since. */
  private liveOf(playthrough: Playthrough): Live {
    const existing = this.live.get(playthrough.id);
    if (existing) return existing;
    const dialogue = this.dialogue(playthrough.dialogueId);
    const live = this.fresh(playthrough, dialogue, playthrough.initialState, playthrough.startNodeId, 0);
    try {
      for (const input of playthrough.inputs) {
        if (input.type === 'advance') live.runtime.advance(input.text);
        else if (input.type === 'choose') live.runtime.choose(input.optionId);
        else {
          const state = input.type === 'setState' ? input.state : playthrough.initialState;
          const nodeId =
            input.type === 'restart' ? (input.nodeId ?? playthrough.startNodeId) : (live.runtime.step.nodeId ?? playthrough.startNodeId);
          Object.assign(live, this.fresh(playthrough, dialogue, state, nodeId, live.segments + 1));
        }
      }
    } catch (error) {
      if (error instanceof DialogueRuntimeError) throw new AppError('conflict', REPLAY_BROKEN);
      throw error;
    }
    this.live.set(playthrough.id, live);
    return live;
  }

  /** The speaker's next words in character, streamed under the caller's request id. */
  private async speak(playthrough: Playthrough, live: Live, userText: string, options: ReplyOptions) {
    return this.llm.generate({
      messages: await this.characterPrompt(playthrough, live, userText),
      maxTokens: options.maxTokens ?? LINE_TOKENS,
      requestId: options.requestId,
      temperature: options.temperature,
      stop: [`\n${PLAYER_NAME}:`],
    });
  }

  /** The speaker's persona with the conversation so far, and `userText` as the newest message. */
  private async characterPrompt(playthrough: Playthrough, live: Live, userText: string) {
    const project = this.project();
    const dialogue = this.dialogue(playthrough.dialogueId);
    const persona = this.persona(dialogue, this.speaker(playthrough, live));
    const history = playthrough.log.flatMap((entry): { role: 'user' | 'npc'; text: string }[] =>
      entry.type === 'line' || entry.type === 'reply'
        ? [{ role: 'npc', text: entry.text }]
        : entry.type === 'choice' || entry.type === 'said'
          ? [{ role: 'user', text: entry.text }]
          : [],
    );
    const prompt = await assemblePromptInTurns(this.llm, {
      persona,
      userName: PLAYER_NAME,
      history,
      userText,
      lore: await project.lore.documents(),
      state: live.runtime.state,
      questNames: project.lore.questNames(),
      contextSize: this.llm.loadedContextSize ?? 8192,
      replyTokens: LINE_TOKENS,
    });
    return prompt.messages;
  }

  /** Who speaks at this point: the line's speaker, or the last one who spoke. */
  private speaker(playthrough: Playthrough, live: Live): string {
    const { step } = live.runtime;
    if (step.type === 'line' || step.type === 'aiLine') return step.speaker;
    const last = [...playthrough.log].reverse().find((entry) => entry.type === 'line' || entry.type === 'reply');
    return last && (last.type === 'line' || last.type === 'reply') ? last.speaker : '';
  }

  /** The dialogue's NPC when it has one (or one named like the speaker); otherwise a persona of just the speaker's name. */
  private persona(dialogue: Dialogue, speaker: string): NpcPersona {
    const { npcs } = this.project();
    const byName = npcs.list().find((npc) => npc.name.toLowerCase() === speaker.trim().toLowerCase());
    const id = dialogue.npcId ?? byName?.id;
    if (id) {
      try {
        return npcs.get(id).persona;
      } catch {
        // A deleted NPC: fall back to the speaker's name.
      }
    }
    return newNpcPersona({ id: 'speaker', name: speaker.trim() || 'NPC' });
  }

  private view(playthrough: Playthrough, live: Live): PlaythroughView {
    const { step, state } = live.runtime;
    const improvised = step.type === 'aiLine' && live.improvised?.nodeId === step.nodeId ? live.improvised : null;
    return { playthrough, step, state, improvised, path: [...live.runtime.history] };
  }

  private stored(id: string): Playthrough {
    return this.project().playthroughs.get(id);
  }

  private save(playthrough: Playthrough): Playthrough {
    playthrough.updatedAt = new Date().toISOString();
    return this.project().playthroughs.put(playthrough);
  }

  private dialogue(id: string): Dialogue {
    return this.project().dialogues.get(id).dialogue;
  }

  /** The dialogue, or undefined when the project has none by that id (a detour's target then ends the conversation with a message). */
  private existingDialogue(id: string): Dialogue | undefined {
    try {
      return this.dialogue(id);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'not_found' || error.code === 'invalid_input')) return undefined;
      throw error;
    }
  }
}
