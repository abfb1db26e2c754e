import type { PoemCheck, PoemForm, PoemScheme } from '../../../main/domain/poetry';

/** Messages to the poetry worker; each answer carries the request's id. */
export type PoetryRequest =
  | { id: number; type: 'check'; text: string; form: PoemForm; scheme?: PoemScheme }
  | { id: number; type: 'rhymes'; word: string; limit: number };

export type PoetryResponse = { id: number; type: 'check'; check: PoemCheck } | { id: number; type: 'rhymes'; words: string[] };

type Answer<T extends PoetryRequest['type']> = Extract<PoetryResponse, { type: T }>;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve(response: PoetryResponse): void; reject(error: Error): void }>();

/** The shared worker, started when the Poems section opens so the dictionary loads while the creator picks a poem. */
export function poetryWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./poetry.worker.ts', import.meta.url), { type: 'module', name: 'poetry' });
    worker.onmessage = (event: MessageEvent<PoetryResponse>) => {
      waiting.get(event.data.id)?.resolve(event.data);
      waiting.delete(event.data.id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`The pronouncing dictionary could not load: ${event.message}`);
      for (const request of waiting.values()) request.reject(error);
      waiting.clear();
      worker = null;
    };
  }
  return worker;
}

type Omitted<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Asks the worker; answers arrive in order, the first once the dictionary is parsed. Fails if the worker cannot start. */
export function askPoetry<T extends PoetryRequest['type']>(request: Extract<Omitted<PoetryRequest>, { type: T }>): Promise<Answer<T>> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (response: PoetryResponse) => void, reject });
    poetryWorker().postMessage({ ...request, id });
  });
}
