import { Button, Group, Modal, Progress, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconPlayerStop, IconSparkles } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNpcs } from '../stores/npc-store';
import { IdeaPreview } from './IdeaPreview';
import { draftFromIdea, ideaDraft, ideaRequest, type IdeaDraft } from './npc-prompts';
import { useGeneration } from './use-generation';
import { ModalActions } from '../components/ModalActions';

interface IdeaModalProps {
  opened: boolean;
  onClose(): void;
}

/** "Create an NPC from a one-line idea": the model drafts every field, the creator edits and accepts. */
export function IdeaModal({ opened, onClose }: IdeaModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Create an NPC from an idea"
      size="lg"
      centered
      scrollAreaComponent={ScrollArea.Autosize}
    >
      <IdeaFlow onClose={onClose} />
    </Modal>
  );
}

/** Mounted each time the modal opens; closing it cancels a generation still running. */
function IdeaFlow({ onClose }: { onClose(): void }) {
  const [idea, setIdea] = useState('');
  const [draft, setDraft] = useState<IdeaDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const generation = useGeneration('npc-idea');

  const generate = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await generation.run('llm:generateJson', (requestId) => ideaRequest(idea, requestId));
      if (result.stopReason !== 'cancelled') setDraft(ideaDraft(result.value));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const accept = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      await useNpcs.getState().create(draft.name.trim() || 'Unnamed NPC', draftFromIdea(draft));
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };

  if (draft) {
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Here is the draft. Change anything, then create the NPC, or discard it and try another idea.
        </Text>
        <IdeaPreview draft={draft} onChange={setDraft} />
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <ModalActions
          submitLabel="Create NPC"
          onSubmit={() => void accept()}
          cancelLabel="Discard"
          onCancel={() => setDraft(null)}
          busy={saving}
        />
      </Stack>
    );
  }

  return (
    <form onSubmit={(e) => void generate(e)}>
      <Stack gap="md">
        <TextInput
          label="Idea"
          description="One line is enough: who they are and what makes them interesting."
          placeholder="A retired pirate who runs a lighthouse and collects other people’s secrets"
          value={idea}
          onChange={(e) => setIdea(e.currentTarget.value)}
          disabled={generation.running}
          maxLength={500}
          data-autofocus
        />
        {generation.running && (
          <Stack gap={4}>
            <Progress value={100} animated striped size="sm" aria-label="Writing the NPC" />
            <Text size="xs" c="dimmed" aria-live="polite">
              Writing… {generation.text.length.toLocaleString()} characters so far
            </Text>
          </Stack>
        )}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          {generation.running ? (
            <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={generation.stop}>
              Cancel
            </Button>
          ) : (
            <Button type="submit" leftSection={<IconSparkles size={16} />} disabled={!idea.trim()}>
              Draft the NPC
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
