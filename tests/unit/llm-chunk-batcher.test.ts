import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChunkBatcher } from '../../main/core/llm/chunk-batcher';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the engine chunk batcher', () => {
  it('sends the first piece at once, then at most one message per interval, and the rest on flush', () => {
    const sent: string[] = [];
    const chunks = new ChunkBatcher((text) => sent.push(text), 16);
    chunks.push('Once');
    expect(sent).toEqual(['Once']);
    chunks.push(' upon');
    chunks.push(' a');
    expect(sent).toEqual(['Once']);
    vi.advanceTimersByTime(16);
    expect(sent).toEqual(['Once', ' upon a']);
    chunks.push(' time');
    chunks.flush();
    chunks.flush();
    expect(sent).toEqual(['Once', ' upon a', ' time']);
    vi.advanceTimersByTime(100);
    chunks.push(' there');
    expect(sent).toEqual(['Once', ' upon a', ' time', ' there']);
  });
});
