import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { EventBus } from '../../main/core/event-bus';
import { LlmService, type LlmServiceOptions } from '../../main/core/llm/llm-service';
import type { EventName, EventPayload, StudioEvent } from '../../preload/api';
import { GGUF_DEFECTS, writeGguf, type GgufDefect, type GgufOptions } from '../fixtures/gguf-generator';

export interface ModelFiles {
  dir: string;
  /** The tiny F32 model. */
  tiny: string;
  /** The same shape stored as Q4_0. */
  tinyQ4: string;
  broken: Record<GgufDefect, string>;
}

/** Writes the tiny models and every broken variant into a temp folder once per test file. */
export function useModelFiles(): () => ModelFiles {
  let files: ModelFiles | undefined;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'loreweaver-models-'));
    const write = (name: string, options: GgufOptions = {}) => writeGguf(join(dir, name), options).path;
    files = {
      dir,
      tiny: write('tiny.gguf'),
      tinyQ4: write('tiny-q4.gguf', { tensorType: 'q4_0', name: 'loreweaver-tiny-q4' }),
      broken: Object.fromEntries(GGUF_DEFECTS.map((defect) => [defect, write(`${defect}.gguf`, { defect })])) as Record<GgufDefect, string>,
    };
  });
  afterAll(() => {
    if (files) rmSync(files.dir, { recursive: true, force: true });
  });
  return () => {
    if (!files) throw new Error('useModelFiles() is read inside a test, after beforeAll');
    return files;
  };
}

/** Every event a bus carried, and a way to wait for the next one that matches (no sleeps). */
export function recordEvents(bus: EventBus) {
  const seen: StudioEvent[] = [];
  const waiters = new Set<{ match: (event: StudioEvent) => boolean; resolve: (event: StudioEvent) => void }>();
  bus.subscribe((event) => {
    seen.push(event);
    for (const waiter of waiters) {
      if (!waiter.match(event)) continue;
      waiters.delete(waiter);
      waiter.resolve(event);
    }
  });
  return {
    seen,
    of<E extends EventName>(name: E): EventPayload<E>[] {
      return seen.filter((e) => e.name === name).map((e) => e.payload as EventPayload<E>);
    },
    next<E extends EventName>(name: E, match: (payload: EventPayload<E>) => boolean = () => true): Promise<EventPayload<E>> {
      return new Promise((resolve) => {
        waiters.add({
          match: (event) => event.name === name && match(event.payload as EventPayload<E>),
          resolve: (event) => resolve(event.payload as EventPayload<E>),
        });
      });
    },
  };
}

/** A model service on one thread (as the speed figures assume), stopped after the file. */
export function useLlm(options: LlmServiceOptions = {}) {
  const bus = new EventBus();
  const events = recordEvents(bus);
  const llm = new LlmService(bus, { threads: 1, ...options });
  afterAll(() => llm.close());
  return { llm, bus, events };
}
