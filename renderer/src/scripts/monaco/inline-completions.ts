import type * as Monaco from 'monaco-editor';
import { api } from '../../api/client';
import { newRequestId } from '../../api/request-id';
import { useLlm } from '../../stores/llm-store';
import { completionPrompt, trimCompletion } from '../ai/script-prompts';
import { isScriptLanguageId } from './language-ids';

/** Typing pauses this long before a completion is asked for; typing on cancels it. */
export const COMPLETION_DEBOUNCE_MS = 300;
/** A completion is a line or a few: short answers come back fast on a local model. */
const COMPLETION_MAX_TOKENS = 48;
/** Code after the cursor that a completion is compared with, so it stops where that code begins. */
const AFTER_CHARS = 400;

/** The name inline completions put in their prompt's header, set by the open editor. */
const fileNames = new Map<string, string>();
export const setCompletionFileName = (uri: Monaco.Uri, name: string) => fileNames.set(uri.toString(), name);

const aiAvailable = () => {
  const status = useLlm.getState().status;
  return Boolean(status?.model) || status?.provider.kind === 'remote';
};

const pause = (ms: number, token: Monaco.CancellationToken) =>
  new Promise<void>((resolve) => {
    const timer = window.setTimeout(done, ms);
    const sub = token.onCancellationRequested(done);
    function done() {
      window.clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });

/**
 * Ghost-text completions from the model: debounced, one generation at a time per editor
 * (Monaco cancels the token when the writer types on, and the request is cancelled with
 * it), continuing the file text before the cursor and stopping at a blank line.
 */
export function registerInlineCompletions(monaco: typeof Monaco): void {
  monaco.languages.registerInlineCompletionsProvider(['luau', 'typescript', 'javascript'], {
    displayName: 'Loreweaver',
    async provideInlineCompletions(model, position, _context, token) {
      const language = model.getLanguageId();
      if (!isScriptLanguageId(language) || !aiAvailable()) return undefined;
      await pause(COMPLETION_DEBOUNCE_MS, token);
      if (token.isCancellationRequested) return undefined;
      const lastLine = model.getLineCount();
      const before = model.getValueInRange(new monaco.Range(1, 1, position.lineNumber, position.column));
      const after = model.getValueInRange(
        new monaco.Range(position.lineNumber, position.column, lastLine, model.getLineMaxColumn(lastLine)),
      );
      const requestId = newRequestId('script-complete');
      const cancel = token.onCancellationRequested(() => void api.call('llm:cancel', { requestId }).catch(() => undefined));
      try {
        const result = await api.call('llm:generate', {
          requestId,
          raw: true,
          prompt: completionPrompt(language, fileNames.get(model.uri.toString()) ?? 'script', before),
          maxTokens: COMPLETION_MAX_TOKENS,
          stop: ['\n\n'],
        });
        if (token.isCancellationRequested || result.stopReason === 'cancelled') return undefined;
        const text = trimCompletion(result.text, after.slice(0, AFTER_CHARS));
        if (!text.trim()) return { items: [] };
        return {
          items: [
            { insertText: text, range: new monaco.Range(position.lineNumber, position.column, position.lineNumber, position.column) },
          ],
        };
      } catch {
        // A failed completion (engine busy, model unloaded) is no more than a missing suggestion.
        return undefined;
      } finally {
        cancel.dispose();
      }
    },
    disposeInlineCompletions() {},
  });
}
