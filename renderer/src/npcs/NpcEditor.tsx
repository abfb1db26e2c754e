import { ActionIcon, Alert, Button, Group, Loader, Stack, TagsInput, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp, IconHistory, IconMessageChatbot } from '@tabler/icons-react';
import { useState } from 'react';
import { HistoryDrawer } from '../sections/HistoryDrawer';
import { useNpcs } from '../stores/npc-store';
import { useTestChat } from '../testchat/testchat-store';
import { relativeTime } from '../util/relative-time';
import { AvatarField } from './AvatarField';
import { describeNpcRevision } from './describe-revision';
import { avatarUrl } from './npc-fields';
import { ExportMenu } from './ExportMenu';
import { PersonaTabs } from './PersonaTabs';
import { useNpcDocument } from './use-npc-document';
import { DeleteItemButton } from '../components/DeleteItemButton';

/** One NPC: identity at the top, the persona's fields in tabs, saved as the creator types. */
export function NpcEditor({ id }: { id: string }) {
  const npc = useNpcDocument(id);
  const [historyOpen, setHistoryOpen] = useState(false);
  const { persona, document, edit } = npc;

  if (npc.loadError) {
    return (
      <Alert color="red" m="lg" title="This NPC could not be opened">
        {npc.loadError}
      </Alert>
    );
  }
  if (!persona || !document) {
    return (
      <Group p="xl">
        <Loader size="sm" />
      </Group>
    );
  }

  return (
    <Stack p="lg" gap="lg" maw={920}>
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <AvatarField
          name={persona.name}
          avatar={persona.avatar}
          onChange={(avatar) => {
            edit({ avatar });
            useNpcs.getState().setAvatar(id, avatarUrl(avatar));
          }}
        />
        <Stack gap="xs" flex={1} miw={0}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              aria-label="NPC name"
              placeholder="Name"
              value={persona.name}
              onChange={(e) => edit({ name: e.currentTarget.value }, 'name')}
              variant="unstyled"
              size="xl"
              styles={{ input: { fontWeight: 650, fontSize: 26, color: 'var(--mantine-color-text)' } }}
              maxLength={1000}
              flex={1}
            />
            <Group gap={4} wrap="nowrap">
              <Tooltip label="Undo">
                <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Undo" disabled={!npc.canUndo} onClick={npc.undo}>
                  <IconArrowBackUp size={18} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Redo">
                <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Redo" disabled={!npc.canRedo} onClick={npc.redo}>
                  <IconArrowForwardUp size={18} />
                </ActionIcon>
              </Tooltip>
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconMessageChatbot size={16} />}
                onClick={() => useTestChat.getState().chatWith(id)}
              >
                Test chat
              </Button>
              <Button variant="subtle" color="gray" leftSection={<IconHistory size={16} />} onClick={() => setHistoryOpen(true)}>
                History
              </Button>
              <ExportMenu id={id} beforeExport={npc.flush} />
              <DeleteItemButton what="NPC" name={persona.name} onDelete={() => useNpcs.getState().remove(id)} />
            </Group>
          </Group>
          <TextInput
            aria-label="Role"
            placeholder="Role in the world, e.g. blacksmith of Emberfall"
            value={persona.role}
            onChange={(e) => edit({ role: e.currentTarget.value }, 'role')}
            maxLength={1000}
          />
          <TagsInput
            aria-label="Tags"
            placeholder="Tags: type one, press Enter"
            value={persona.tags}
            onChange={(tags) => edit({ tags })}
            clearable
          />
        </Stack>
      </Group>
      <PersonaTabs persona={persona} edit={edit} />
      <Text size="xs" c="dimmed">
        Revision {document.revision} · saved {relativeTime(document.updatedAt)}
        {persona.cardImport ? ` · imported from a Character Card ${persona.cardImport.spec.toUpperCase()}` : ''}
      </Text>
      <HistoryDrawer
        id={id}
        opened={historyOpen}
        currentRevision={document.revision}
        onClose={() => setHistoryOpen(false)}
        describe={describeNpcRevision}
        onRestored={() => void npc.reload().then((restored) => useNpcs.getState().setAvatar(id, avatarUrl(restored.persona.avatar)))}
      />
    </Stack>
  );
}
