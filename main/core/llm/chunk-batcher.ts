/**
 * Streams text to the studio in fewer, larger messages: the first piece at once (time to
 * first token is what a writer feels), later pieces at most one message per interval.
 * A small model on a CPU makes a token every few milliseconds; one message for each
 * wakes two processes per token, and on a machine with few cores that waking competes
 * with the generation itself. At 60 messages a second the text still flows smoothly.
 */
export class ChunkBatcher {
  private pending = '';
  private lastSentAt = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: (text: string) => void,
    private readonly intervalMs = 16,
  ) {}

  push(text: string): void {
    this.pending += text;
    if (this.timer) return;
    const wait = this.lastSentAt + this.intervalMs - performance.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Sends what is left; call it before the result goes out, so every chunk arrives before it. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    this.send(this.pending);
    this.pending = '';
    this.lastSentAt = performance.now();
  }
}
