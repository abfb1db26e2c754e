import { notifications } from '@mantine/notifications';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { newRequestId } from '../api/request-id';
import { ghostOf } from './editor/ghost-text';
import { continueRequest } from './story-prompts';

/**
 * "Continue writing" from the cursor: the model's text streams into the ghost-text widget
 * chunk by chunk. Accepting, rejecting or editing elsewhere clears the ghost, which cancels
 * a generation still running; closing the editor cancels it too.
 */
export function useContinueWriting(editor: Editor | null) {
  const request = useRef<string | null>(null);
  const [running, setRunning] = useState(false);

  const cancel = useCallback(() => {
    const requestId = request.current;
    if (!requestId) return;
    request.current = null;
    setRunning(false);
    void api.call('llm:cancel', { requestId });
  }, []);

  useEffect(() => {
    if (!editor) return;
    const offChunk = api.on('llm:chunk', ({ requestId, text }) => {
      if (requestId === request.current) editor.commands.appendGhost(text);
    });
    const onTransaction = () => {
      if (request.current && ghostOf(editor.state).pos === null) cancel();
    };
    editor.on('transaction', onTransaction);
    return () => {
      offChunk();
      editor.off('transaction', onTransaction);
      cancel();
    };
  }, [editor, cancel]);

  const start = useCallback(async () => {
    if (!editor || request.current) return;
    const { state } = editor;
    const before = state.doc.textBetween(0, state.selection.head, '\n\n', ' ');
    if (!before.trim()) {
      notifications.show({ message: 'Write a few words first: the model continues from the text before the cursor.' });
      return;
    }
    const requestId = newRequestId('story-continue');
    request.current = requestId;
    setRunning(true);
    // Focus back in the text (the Continue button had it), so Tab and Escape reach the suggestion.
    editor.chain().focus().startGhost().run();
    try {
      const result = await api.call('llm:generate', continueRequest(before, requestId));
      if (request.current !== requestId) return;
      const shown = ghostOf(editor.state);
      // Chunks travel as events and may trail the answer: make the ghost whole.
      if (shown.pos !== null && result.text.startsWith(shown.text)) editor.commands.appendGhost(result.text.slice(shown.text.length));
      if (!ghostOf(editor.state).text.trim()) {
        editor.commands.rejectGhost();
        notifications.show({ message: 'The model wrote nothing here; try again or write a little more first.' });
      }
    } catch (e) {
      if (request.current === requestId) {
        editor.commands.rejectGhost();
        notifications.show({ color: 'red', title: 'Could not continue', message: (e as Error).message });
      }
    } finally {
      if (request.current === requestId) {
        request.current = null;
        setRunning(false);
      }
    }
  }, [editor]);

  return { running, start, cancel };
}
