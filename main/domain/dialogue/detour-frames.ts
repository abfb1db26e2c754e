import type { DialogueState } from './dialogue-state-types';
import { own, setOwn } from './own-property';
import { PlayError } from './play-error';

/** Detours inside detours deeper than this end the conversation: the content recurses without end. */
export const MAX_DETOUR_DEPTH = 64;

/** Adds one to a per-dialogue counter of the state (`visits` or `seen`). */
export function countIn(table: DialogueState['visits'], dialogueId: string, key: string): void {
  const counts = own(table, dialogueId) ?? {};
  setOwn(counts, key, (own(counts, key) ?? 0) + 1);
  setOwn(table, dialogueId, counts);
}

/** One level of play: the conversation itself at the bottom, a detour above it. */
export interface Frame<D extends { id: string }> {
  readonly dialogue: D;
  /** Where the detour that opened this frame continues when it returns (unset at the bottom, or when its output is unconnected). */
  readonly returnTo?: string;
  /** The section node this frame is in, if any. */
  section?: string;
}

/**
 * The detour stack and each level's current section. Leaving a section (entering another
 * on the same level, returning from the detour, a jump, the end of the conversation) counts
 * a visit of the section node in `state.visits`, which is what `visited()` reads for sections.
 */
export class DetourFrames<D extends { id: string }> {
  private stack: Frame<D>[];

  constructor(
    dialogue: D,
    private readonly state: DialogueState,
  ) {
    this.stack = [{ dialogue }];
  }

  get current(): Frame<D> {
    return this.stack[this.stack.length - 1];
  }

  /** True inside a detour, where an unconnected output returns instead of ending. */
  get inDetour(): boolean {
    return this.stack.length > 1;
  }

  enterSection(nodeId: string): void {
    this.leave(this.current);
    this.current.section = nodeId;
  }

  push(dialogue: D, returnTo: string | undefined): void {
    if (this.stack.length > MAX_DETOUR_DEPTH) throw new PlayError(`Detours nest deeper than ${MAX_DETOUR_DEPTH}`);
    this.stack.push(returnTo === undefined ? { dialogue } : { dialogue, returnTo });
  }

  /** Returns from the innermost detour, leaving its section; the frame returned says where to continue. */
  pop(): Frame<D> {
    const frame = this.stack.pop()!;
    this.leave(frame);
    return frame;
  }

  /** Leaves every level's section, innermost first (the end of the conversation, or a jump). */
  leaveAll(): void {
    for (let i = this.stack.length - 1; i >= 0; i--) this.leave(this.stack[i]);
  }

  /** A jump: every section is left and every detour dropped; play goes on at the bottom level, in the current dialogue. */
  unwind(): void {
    this.leaveAll();
    this.stack = [{ dialogue: this.current.dialogue }];
  }

  private leave(frame: Frame<D>): void {
    if (frame.section === undefined) return;
    countIn(this.state.visits, frame.dialogue.id, frame.section);
    frame.section = undefined;
  }
}
