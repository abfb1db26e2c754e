import type { LlamaModel, Token } from 'node-llama-cpp';

/**
 * The text a plain continuation adds, spaced as the model wrote it. node-llama-cpp
 * detokenizes a completion's first tokens on their own, and a SentencePiece tokenizer
 * drops the leading space of the first token then: "Pip" continued with "▁was" streams
 * as "was", and the joined text reads "Pipwas". Detokenized after the prompt's last
 * tokens, the first chunk keeps its space; this adds it to that chunk and to the answer.
 */
export class ContinuationSpacing {
  /** What the first chunk lost; null until the first tokens arrive. */
  private lost: string | null = null;
  private chunkSeen = false;

  constructor(
    private readonly model: LlamaModel,
    private readonly prompt: string,
  ) {}

  /** Takes each batch of generated tokens before its text chunk. */
  tokens(generated: readonly Token[]): void {
    if (this.lost !== null || generated.length === 0) return;
    const alone = this.model.detokenize(generated);
    const afterPrompt = this.model.detokenize(generated, false, this.model.tokenize(this.prompt));
    this.lost = afterPrompt.endsWith(alone) ? afterPrompt.slice(0, afterPrompt.length - alone.length) : '';
  }

  chunk(text: string): string {
    if (this.chunkSeen) return text;
    this.chunkSeen = true;
    return (this.lost ?? '') + text;
  }

  /** The whole answer, as its chunks add up. */
  answer(text: string): string {
    return this.chunkSeen ? (this.lost ?? '') + text : text;
  }
}
