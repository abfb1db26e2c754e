import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CardImportChoice, NpcSummary } from '../../../preload/contract/npcs';

interface CardExistsModalProps {
  /** The card's NPC name and the NPCs that already have it; null while no import asks. */
  pending: { name: string; matches: NpcSummary[] } | null;
  onChoose(choice: CardImportChoice): void;
  onCancel(): void;
}

const describe = (npc: NpcSummary) => `${npc.name}${npc.role ? `, ${npc.role}` : ''}`;

/** The card being imported names an NPC the project has: update that NPC, keep both, or cancel. */
export function CardExistsModal({ pending, onChoose, onCancel }: CardExistsModalProps) {
  const [target, setTarget] = useState<string | null>(null);
  const matches = pending?.matches ?? [];
  const chosen = target && matches.some((npc) => npc.id === target) ? target : matches[0]?.id;

  return (
    <Modal opened={pending !== null} onClose={onCancel} title={`${pending?.name ?? 'This NPC'} is already in the project`} centered>
      <Stack gap="md">
        <Text size="sm">
          Update the NPC from the card (its history keeps the version before, and what the card does not carry stays), or keep both: the
          card becomes a new NPC named “{pending?.name} (2)”.
        </Text>
        {matches.length > 1 && (
          <Radio.Group label="Update which one?" value={chosen ?? null} onChange={setTarget}>
            <Stack gap={4} mt={4}>
              {matches.map((npc) => (
                <Radio key={npc.id} value={npc.id} label={describe(npc)} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="default" onClick={() => onChoose('keepBoth')}>
            Keep both
          </Button>
          <Button disabled={!chosen} onClick={() => chosen && onChoose({ update: chosen })}>
            Update {pending?.name}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
