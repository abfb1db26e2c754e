import { Alert, Button, Group, Loader, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconHistory, IconMessageChatbot } from '@tabler/icons-react';
import { useState } from 'react';
import { useStore } from 'zustand';
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
import { problemAt, SaveFailureAlert } from '../documents/SaveFailureAlert';
import { DeleteItemButton } from '../components/DeleteItemButton';
import { TitleInput } from '../components/TitleInput';
import { UndoRedoButtons } from '../components/UndoRedoButtons';

/** One NPC: identity at the top, the persona's fields in tabs, saved as the creator types. */
export function NpcEditor({ id }: { id: string }) {
  const npc = useNpcDocument(id);
  const [historyOpen, setHistoryOpen] = useState(false);
  const { persona, document, edit } = npc;
  const problems = useStore(npc.session, (s) => s.failure?.problems);

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
      <SaveFailureAlert session={npc.session} noun="NPC" />
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
          {/* The buttons move above a long name rather than squeezing it. */}
          <Group gap="xs" wrap="wrap-reverse" align="flex-start" justify="flex-end">
            <TitleInput
              label="NPC name"
              placeholder="Name"
              value={persona.name}
              onChange={(name) => edit({ name }, 'name')}
              maxLength={1000}
              error={problemAt(problems, 'name')}
            />
            <Group gap={4} wrap="nowrap">
              <UndoRedoButtons canUndo={npc.canUndo} canRedo={npc.canRedo} onUndo={npc.undo} onRedo={npc.redo} size="lg" />
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
            error={problemAt(problems, 'role')}
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
        onRestored={() => void npc.reload().then((restored) => restored && useNpcs.getState().setAvatar(id, avatarUrl(restored.avatar)))}
      />
    </Stack>
  );
}
