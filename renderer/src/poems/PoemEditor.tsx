import { Alert, Badge, Box, Divider, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ContentItem } from '../../../preload/api';
import { loadPoem, type PoemData } from '../../../main/domain/poetry';
import { AiButton } from '../components/AiButton';
import { DocumentGate } from '../writing/DocumentGate';
import { DocumentHeader } from '../writing/DocumentHeader';
import { useWritingDocument, type DocumentItem, type WritingDocument } from '../writing/use-writing-document';
import { PoemAiModals, type PoemAiAction } from './PoemAiModals';
import { PoemFormPicker } from './PoemFormPicker';
import { PoemLines } from './PoemLines';
import { RhymePanel } from './RhymePanel';
import { lineRange, replaceInTextarea } from './text-edit';
import { usePoemCheck } from './use-poem-check';
import classes from './poem-editor.module.css';

const describePoem = (item: ContentItem) => {
  try {
    return loadPoem(item.data).text;
  } catch {
    return '';
  }
};

/** A poem: its form, the text with live syllable and rhyme checks, rhymes and the AI co-writer. */
export function PoemEditor({ id }: { id: string }) {
  const doc = useWritingDocument(id, 'poem', loadPoem);
  return (
    <DocumentGate doc={doc} label="poem">
      {(item, data) => <PoemWorkspace key={doc.generation} doc={doc} initial={data} item={item} />}
    </DocumentGate>
  );
}

interface WorkspaceProps {
  doc: WritingDocument<PoemData>;
  initial: PoemData;
  item: DocumentItem;
}

function PoemWorkspace({ doc, initial, item }: WorkspaceProps) {
  const [poem, setPoem] = useState(initial);
  const [cursorLine, setCursorLine] = useState(0);
  const [aiAction, setAiAction] = useState<PoemAiAction | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const { check, ready, failure } = usePoemCheck(poem.text, poem.form, poem.scheme);

  const update = (change: Partial<PoemData>) => {
    const next = { ...poem, ...change };
    if (next.form !== 'custom') delete next.scheme;
    setPoem(next);
    doc.touch(() => next);
  };
  const setText = (text: string) => update({ text });
  const replaceRange = (start: number, end: number, text: string) =>
    textarea.current
      ? replaceInTextarea(textarea.current, start, end, text, setText)
      : setText(poem.text.slice(0, start) + text + poem.text.slice(end));

  const current = check.lines[cursorLine];
  const endWord = current?.sound?.end?.word ?? null;
  const lineErrors = check.lines.filter((l) => l.issues.length > 0);

  return (
    <Box className={classes.layout}>
      <DocumentHeader item={item} kind="poem" onRename={doc.rename} onRestored={doc.replace} describe={describePoem}>
        <PoemFormPicker form={poem.form} scheme={poem.scheme} onChange={(form, scheme) => update({ form, scheme })} />
      </DocumentHeader>
      <Divider />
      <Box className={classes.body}>
        <Box className={classes.page}>
          <PoemLines ref={textarea} text={poem.text} check={check} onChange={setText} onCursorLine={setCursorLine} />
        </Box>
        <Stack className={classes.side} p="md" gap="md">
          <Stack gap={4}>
            <Group gap={6}>
              <Title order={3} size="h5">
                {check.rule.label}
              </Title>
              {failure ? (
                <Tooltip label={failure} multiline w={260}>
                  <Badge size="xs" variant="light" color="orange">
                    counting by spelling
                  </Badge>
                </Tooltip>
              ) : (
                !ready && (
                  <Badge size="xs" variant="light" color="gray">
                    loading dictionary…
                  </Badge>
                )
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {check.rule.description}
            </Text>
            {check.rule.meterHint && (
              <Text size="xs" c="dimmed" fs="italic">
                {check.rule.meterHint}
              </Text>
            )}
          </Stack>
          {(check.issues.length > 0 || lineErrors.length > 0) && (
            <Alert
              variant="light"
              color="red"
              p="xs"
              icon={<IconAlertTriangle size={16} />}
              title="Breaks the form"
              aria-label="Form problems"
            >
              <Stack gap={2}>
                {check.issues.map((issue) => (
                  <Text size="xs" key={issue}>
                    {issue}
                  </Text>
                ))}
                {lineErrors.map((l) => (
                  <Text size="xs" key={l.index}>
                    Line {l.verse! + 1}: {l.issues.map((i) => i.message).join('; ')}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <Group gap={6}>
            <AiButton
              size="xs"
              onClick={() => setAiAction({ kind: 'write' })}
              hint={`Write a ${check.rule.label.toLowerCase()} on a theme`}
            >
              Write a poem…
            </AiButton>
            <AiButton
              size="xs"
              leftSection={<IconPencil size={14} />}
              onClick={() => setAiAction({ kind: 'rewrite', line: cursorLine })}
              blockedReason={current?.sound ? undefined : 'Put the cursor on a line to rewrite it.'}
              hint="Rewrite the cursor's line, keeping its syllables and rhyme"
            >
              Rewrite line
            </AiButton>
          </Group>
          <Divider />
          <RhymePanel
            word={endWord}
            onPick={(word) => {
              const el = textarea.current;
              const at = el ? el.selectionEnd : poem.text.length;
              replaceRange(at, at, word);
            }}
            onAskModel={() => endWord && setAiAction({ kind: 'rhymes', word: endWord })}
          />
        </Stack>
      </Box>
      {aiAction && (
        <PoemAiModals
          action={aiAction}
          text={poem.text}
          check={check}
          onClose={() => setAiAction(null)}
          onReplaceAll={(text) => replaceRange(0, poem.text.length, text)}
          onReplaceLine={(line, text) => {
            const range = lineRange(poem.text, line);
            replaceRange(range.start, range.end, text);
          }}
          onInsert={(word) => {
            const at = textarea.current?.selectionEnd ?? poem.text.length;
            replaceRange(at, at, word);
          }}
        />
      )}
    </Box>
  );
}
