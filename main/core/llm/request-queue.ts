interface Job {
  start(): Promise<void>;
}

/**
 * Runs one job at a time in arrival order: a local model serves one generation at full
 * speed better than several at a fraction each, and first come, first served is fair
 * between editors. A job whose signal aborts while it waits leaves the queue at once and
 * resolves with its `whenCancelled` value, so no caller is left hanging.
 */
export class RequestQueue {
  private readonly waiting: Job[] = [];
  private running = false;

  get length(): number {
    return this.waiting.length;
  }

  run<T>(work: () => Promise<T>, signal?: AbortSignal, whenCancelled?: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const cancel = () => {
        const index = this.waiting.indexOf(job);
        if (index < 0 || !whenCancelled) return;
        this.waiting.splice(index, 1);
        resolve(whenCancelled());
      };
      const job: Job = {
        start: () => {
          signal?.removeEventListener('abort', cancel);
          if (signal?.aborted && whenCancelled) return Promise.resolve(resolve(whenCancelled()));
          return work().then(resolve, reject);
        },
      };
      signal?.addEventListener('abort', cancel, { once: true });
      this.waiting.push(job);
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.running = true;
    void job.start().finally(() => {
      this.running = false;
      this.pump();
    });
  }
}
