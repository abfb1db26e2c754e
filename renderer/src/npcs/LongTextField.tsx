import { Group, Stack, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import type { NpcPersona } from '../../../main/domain/npc';
import { AiButton } from '../components/AiButton';
import { TEXT_FIELDS, type NpcTextField } from './npc-fields';
import { RewritePreview } from './RewritePreview';
import type { EditPersona } from './use-npc-document';

interface LongTextFieldProps {
  field: NpcTextField;
  persona: NpcPersona;
  edit: EditPersona;
  minRows?: number;
}

/** A prose field of the persona; the in-character ones offer a model rewrite, previewed below. */
export function LongTextField({ field, persona, edit, minRows = 3 }: LongTextFieldProps) {
  const { label, hint, inCharacter } = TEXT_FIELDS[field];
  const [rewriting, setRewriting] = useState(false);
  const id = useId();
  const value = persona[field];

  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Text component="label" htmlFor={id} size="sm" fw={500}>
            {label}
          </Text>
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        </div>
        {inCharacter && (
          <AiButton
            size="compact-xs"
            variant="subtle"
            aria-label={`Rewrite ${label.toLowerCase()} in character`}
            blockedReason={value.trim() ? (rewriting ? 'A rewrite is open below' : undefined) : 'Write something first'}
            onClick={() => setRewriting(true)}
          >
            Rewrite in character
          </AiButton>
        )}
      </Group>
      <Textarea
        id={id}
        value={value}
        onChange={(e) => edit({ [field]: e.currentTarget.value }, field)}
        autosize
        minRows={minRows}
        maxRows={18}
      />
      {rewriting && (
        <RewritePreview
          persona={persona}
          field={field}
          onAccept={(text) => {
            edit({ [field]: text });
            setRewriting(false);
          }}
          onClose={() => setRewriting(false)}
        />
      )}
    </Stack>
  );
}
