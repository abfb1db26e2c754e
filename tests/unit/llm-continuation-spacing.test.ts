import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLlm } from '../helpers/llm';

/**
 * A real SentencePiece model: the generated tiny GGUF has a byte-level BPE tokenizer,
 * which spells spaces as bytes and never loses one. The file is shared with the test
 * machine, not part of the repository (see README, "Test models").
 */
const STORIES_260K = '/work/shared/models/stories260K.gguf';
const present = existsSync(STORIES_260K);

describe.skipIf(!present)('continuations of a SentencePiece model (needs stories260K.gguf; skipped where the file is absent)', () => {
  const { llm, events } = useLlm();

  beforeAll(async () => {
    await llm.load(STORIES_260K, { contextSize: 256 });
  }, 30_000);

  it('keep the space before the first word they add, in the chunks and in the answer', async () => {
    const result = await llm.generate({ requestId: 'pip', prompt: 'Pip', raw: true, maxTokens: 8, temperature: 0 });
    const chunks = events.of('llm:chunk').filter((c) => c.requestId === 'pip');
    expect(result.text).toMatch(/^ and Daisy/);
    expect(chunks.map((c) => c.text).join('')).toBe(result.text);
  });

  it('add no space where the model continues the word', async () => {
    const result = await llm.generate({
      prompt: 'Once upon a time, there was a little girl named Pip',
      raw: true,
      maxTokens: 4,
      temperature: 0,
    });
    expect(result.text).toMatch(/^\. She/);
  });
});
