/**
 * Values every streaming part of the contract shares: the request id that keys `llm:chunk`
 * events and cancellation, chat messages, and why a generation stopped. They live here,
 * not in api.ts, so method groups in contract/ can use them without an import cycle.
 */
import { z } from 'zod';

/** Chosen by the caller so it can match `llm:chunk` events and cancel before the call returns. */
export const RequestId = z.string().regex(/^[\w.:-]{1,64}$/, 'Request id may hold 1-64 letters, digits and _ . : -');

export const ChatMessage = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().max(400_000) }).strict();
export type ChatMessage = z.infer<typeof ChatMessage>;

export const StopReason = z.enum(['eos', 'maxTokens', 'stop', 'cancelled']);
export type StopReason = z.infer<typeof StopReason>;
