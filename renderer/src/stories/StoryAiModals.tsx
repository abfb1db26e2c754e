import { Badge, Group, Select, Text, TextInput } from '@mantine/core';
import type { Editor } from '@tiptap/core';
import { useState } from 'react';
import { AiTextModal } from '../writing/AiTextModal';
import { endHistoryGroup, replaceWithProse } from './editor/insert-prose';
import { listLines } from '../writing/list-lines';
import { NAME_KINDS, namesRequest, outlineRequest, REWRITE_DIRECTIONS, rewriteRequest, summaryRequest } from './story-prompts';
import type { StoryAiAction } from './StoryToolbar';

interface StoryAiModalsProps {
  editor: Editor;
  action: StoryAiAction | null;
  onClose(): void;
}

/** Applies model text as one transaction (one undo step) and hands the cursor back to the writer. */
function apply(editor: Editor, from: number, to: number, text: string) {
  const { view } = editor;
  view.dispatch(replaceWithProse(view.state, from, to, text));
  view.dispatch(endHistoryGroup(view.state));
  editor.commands.focus();
}

const plainText = (editor: Editor) => editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n\n', ' ');

/** The story's AI actions other than "continue": each previews its text and changes nothing until Accept. */
export function StoryAiModals({ editor, action, onClose }: StoryAiModalsProps) {
  // The range is taken when a modal opens, so accepting replaces what was selected then.
  const [range] = useState(() => ({ from: editor.state.selection.from, to: editor.state.selection.to }));
  const [direction, setDirection] = useState<string>(REWRITE_DIRECTIONS[0].items[0]);
  const [nameKind, setNameKind] = useState<string>(NAME_KINDS[0]);
  const [nameHint, setNameHint] = useState('');
  const selected = editor.state.doc.textBetween(range.from, range.to, '\n\n', ' ');

  if (action === 'rewrite') {
    return (
      <AiTextModal
        opened
        title="Rewrite selection"
        onClose={onClose}
        options={
          <Select
            label="Direction"
            data={REWRITE_DIRECTIONS.map((g) => ({ group: g.group, items: [...g.items] }))}
            value={direction}
            onChange={(v) => v && setDirection(v)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
          />
        }
        request={(requestId) => rewriteRequest(selected, direction, requestId)}
        acceptLabel="Replace selection"
        onAccept={(text) => {
          apply(editor, range.from, range.to, text);
          onClose();
        }}
      />
    );
  }
  if (action === 'summary') {
    return (
      <AiTextModal
        opened
        title={range.to > range.from ? 'Summary of the selection' : 'Summary of the story'}
        onClose={onClose}
        request={(requestId) => summaryRequest(selected || plainText(editor), requestId)}
        acceptLabel="Insert at cursor"
        onAccept={(text) => {
          apply(editor, range.to, range.to, `\n\n${text}\n\n`);
          onClose();
        }}
      />
    );
  }
  if (action === 'outline') {
    return (
      <AiTextModal
        opened
        title="Outline"
        onClose={onClose}
        request={(requestId) => outlineRequest(plainText(editor), requestId)}
        acceptLabel="Insert at cursor"
        onAccept={(text) => {
          editor.chain().focus().insertContentAt(range.to, text, { contentType: 'markdown' }).run();
          onClose();
        }}
      />
    );
  }
  if (action === 'names') {
    return (
      <AiTextModal
        opened
        title="Name generator"
        onClose={onClose}
        options={
          <Group grow align="flex-end">
            <Select
              label="A name for a"
              data={[...NAME_KINDS]}
              value={nameKind}
              onChange={(v) => v && setNameKind(v)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: false }}
            />
            <TextInput
              label="Hint (optional)"
              placeholder="dwarven, sea-faring, ominous…"
              value={nameHint}
              onChange={(e) => setNameHint(e.currentTarget.value)}
            />
          </Group>
        }
        request={(requestId) => namesRequest(nameKind, nameHint, plainText(editor).slice(0, 4000), requestId)}
        renderResult={(text, running) => (
          <Group gap={6}>
            {listLines(text).map((name) => (
              <Badge
                key={name}
                component="button"
                variant="light"
                size="lg"
                tt="none"
                style={{ cursor: running ? 'default' : 'pointer' }}
                onClick={() => {
                  if (running) return;
                  apply(editor, range.from, range.to, name);
                  onClose();
                }}
              >
                {name}
              </Badge>
            ))}
            {!running && (
              <Text size="xs" c="dimmed" w="100%">
                Click a name to put it at the cursor.
              </Text>
            )}
          </Group>
        )}
        acceptLabel="Insert all as a list"
        onAccept={(text) => {
          editor
            .chain()
            .focus()
            .insertContentAt(
              range.to,
              listLines(text)
                .map((n) => `- ${n}`)
                .join('\n'),
              { contentType: 'markdown' },
            )
            .run();
          onClose();
        }}
      />
    );
  }
  return null;
}
