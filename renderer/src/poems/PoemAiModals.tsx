import { Badge, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PoemCheck } from '../../../main/domain/poetry';
import { AiTextModal } from '../writing/AiTextModal';
import { listLines } from '../writing/list-lines';
import { cleanPoem, firstLine, modelRhymesRequest, rewriteLineRequest, writePoemRequest } from './poem-prompts';

export type PoemAiAction = { kind: 'write' } | { kind: 'rewrite'; line: number } | { kind: 'rhymes'; word: string };

interface PoemAiModalsProps {
  action: PoemAiAction;
  text: string;
  check: PoemCheck;
  onReplaceAll(text: string): void;
  onReplaceLine(line: number, text: string): void;
  onInsert(text: string): void;
  onClose(): void;
}

/** The last word of another line with the same rhyme letter: what a rewritten line should rhyme with. */
function rhymePartner(check: PoemCheck, line: number): string | null {
  const letter = check.lines[line]?.rhyme;
  const partner = check.lines.find((l) => l.index !== line && l.rhyme === letter && l.sound?.end);
  return partner?.sound?.end?.word ?? null;
}

/** The poem's AI actions; each previews the model's text and changes nothing until Accept. */
export function PoemAiModals({ action, text, check, onReplaceAll, onReplaceLine, onInsert, onClose }: PoemAiModalsProps) {
  const [theme, setTheme] = useState('');
  if (action.kind === 'write') {
    return (
      <AiTextModal
        opened
        title={`Write a ${check.rule.label.toLowerCase()}`}
        onClose={onClose}
        options={
          <TextInput
            label="Theme"
            placeholder="a lighthouse keeper's last night"
            value={theme}
            onChange={(e) => setTheme(e.currentTarget.value)}
            data-autofocus
          />
        }
        request={(requestId) => writePoemRequest(theme, check.rule, check.scheme, requestId)}
        clean={cleanPoem}
        acceptLabel={text.trim() ? 'Replace the poem' : 'Use this poem'}
        onAccept={(poem) => {
          onReplaceAll(poem);
          onClose();
        }}
      />
    );
  }
  if (action.kind === 'rewrite') {
    const report = check.lines[action.line];
    const line = text.split('\n')[action.line] ?? '';
    const partner = rhymePartner(check, action.line);
    return (
      <AiTextModal
        opened
        title={`Rewrite line ${(report?.verse ?? 0) + 1}`}
        onClose={onClose}
        options={
          <Text size="sm" c="dimmed">
            “{line.trim()}” · keep {report?.sound?.syllables ?? 0} syllables{partner ? `, rhyme with “${partner}”` : ''}
          </Text>
        }
        request={(requestId) => rewriteLineRequest(text, line, report?.sound?.syllables ?? 0, partner, requestId)}
        clean={firstLine}
        acceptLabel="Replace the line"
        onAccept={(newLine) => {
          onReplaceLine(action.line, newLine);
          onClose();
        }}
      />
    );
  }
  return (
    <AiTextModal
      opened
      title={`Rhymes for “${action.word}” from the model`}
      onClose={onClose}
      request={(requestId) => modelRhymesRequest(action.word, requestId)}
      renderResult={(result, running) => (
        <Group gap={6}>
          {listLines(result).map((rhyme) => (
            <Badge
              key={rhyme}
              component="button"
              variant="light"
              color="violet"
              tt="none"
              style={{ cursor: running ? 'default' : 'pointer' }}
              onClick={() => {
                if (running) return;
                onInsert(rhyme);
                onClose();
              }}
            >
              {rhyme}
            </Badge>
          ))}
        </Group>
      )}
      acceptLabel="Insert the first"
      onAccept={(result) => {
        onInsert(listLines(result)[0] ?? '');
        onClose();
      }}
    />
  );
}
