import { Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { AiButton } from '../components/AiButton';
import { askPoetry } from './poetry-protocol';

interface RhymePanelProps {
  word: string | null;
  onPick(word: string): void;
  onAskModel(): void;
}

const SHOWN = 24;

/** Dictionary rhymes for the last word of the line the cursor is on; a click puts one at the cursor. */
export function RhymePanel({ word, onPick, onAskModel }: RhymePanelProps) {
  const [found, setFound] = useState<{ word: string; rhymes: string[] } | null>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    if (!word) return;
    let current = true;
    askPoetry({ type: 'rhymes', word, limit: 120 }).then(
      ({ words }) => current && setFound({ word, rhymes: words }),
      () => current && setFound({ word, rhymes: [] }),
    );
    return () => {
      current = false;
    };
  }, [word]);

  if (!word) {
    return (
      <Text size="xs" c="dimmed">
        Put the cursor on a line to see rhymes for its last word.
      </Text>
    );
  }
  const rhymes = found?.word === word ? found.rhymes : null;
  return (
    <Stack gap={6}>
      <Text size="sm">
        Rhymes for <b>{word}</b>
      </Text>
      {!rhymes ? (
        <Loader size="xs" />
      ) : rhymes.length === 0 ? (
        <Text size="xs" c="dimmed">
          The dictionary knows no rhymes for this word.
        </Text>
      ) : (
        <Group gap={4} aria-label={`Rhymes for ${word}`}>
          {(more ? rhymes : rhymes.slice(0, SHOWN)).map((r) => (
            <Badge
              key={r}
              component="button"
              variant="light"
              color="violet"
              tt="none"
              style={{ cursor: 'pointer' }}
              onClick={() => onPick(r)}
            >
              {r}
            </Badge>
          ))}
          {!more && rhymes.length > SHOWN && (
            <Button size="compact-xs" variant="subtle" onClick={() => setMore(true)}>
              {rhymes.length - SHOWN} more
            </Button>
          )}
        </Group>
      )}
      <AiButton
        size="compact-xs"
        onClick={onAskModel}
        hint="Near rhymes and phrases from the model"
        leftSection={<IconSparkles size={12} />}
      >
        Ask the model
      </AiButton>
    </Stack>
  );
}
