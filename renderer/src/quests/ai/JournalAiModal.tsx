import { Stack, Textarea } from '@mantine/core';
import type { Quest } from '../../../../main/domain/quest';
import { AiJsonModal } from './AiJsonModal';
import { journalRequest, journalsFromJson } from './quest-prompts';

interface JournalAiModalProps {
  quest: Quest;
  onClose(): void;
  onAccept(journals: Record<string, string>): void;
}

/** "Write journal entries": one entry per stage, previewed and editable; accepting is one undo step. */
export function JournalAiModal({ quest, onClose, onAccept }: JournalAiModalProps) {
  return (
    <AiJsonModal
      title="Write journal entries"
      request={(requestId) => journalRequest(quest, requestId)}
      parse={(value) => journalsFromJson(value, quest)}
      preview={(journals, change) => (
        <Stack gap="xs">
          {quest.stages.map((stage) => (
            <Textarea
              key={stage.id}
              label={stage.title || stage.id}
              autosize
              minRows={2}
              value={journals[stage.id] ?? ''}
              onChange={(e) => change({ ...journals, [stage.id]: e.currentTarget.value })}
            />
          ))}
        </Stack>
      )}
      acceptLabel="Use these entries"
      onAccept={onAccept}
      onClose={onClose}
    />
  );
}
