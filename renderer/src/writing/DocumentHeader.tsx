import { Button, Group, TextInput } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ContentItem } from '../../../preload/api';
import { CONTENT_KIND_LABELS, type ContentKind } from '../../../main/domain/content-kinds';
import { HistoryDrawer } from '../sections/HistoryDrawer';
import type { DocumentItem } from './use-writing-document';
import { useContent } from '../stores/content-store';
import { DeleteItemButton } from '../components/DeleteItemButton';

interface DocumentHeaderProps {
  item: DocumentItem;
  kind: ContentKind;
  onRename(name: string): void;
  onRestored(item: ContentItem): void;
  /** A revision's text for the history preview. */
  describe(item: ContentItem): string;
  /** Controls of this kind of document, before History. */
  children?: ReactNode;
}

/** A writing document's title row: its name (saved as typed), the kind's own controls, history and delete. */
export function DocumentHeader({ item, kind, onRename, onRestored, describe, children }: DocumentHeaderProps) {
  const [name, setName] = useState(item.name);
  const [historyOpen, setHistoryOpen] = useState(false);
  const label = CONTENT_KIND_LABELS[kind].one;
  return (
    <Group justify="space-between" align="center" wrap="nowrap" px="lg" pt="md" pb="xs" gap="sm">
      <TextInput
        aria-label={`${label} name`}
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          onRename(e.currentTarget.value);
        }}
        variant="unstyled"
        size="xl"
        styles={{ input: { fontWeight: 650, fontSize: 24 } }}
        flex={1}
        maxLength={120}
      />
      <Group gap={6} wrap="nowrap">
        {children}
        <Button variant="subtle" color="gray" leftSection={<IconHistory size={16} />} onClick={() => setHistoryOpen(true)}>
          History
        </Button>
        <DeleteItemButton what={label.toLowerCase()} name={item.name} onDelete={() => useContent.getState().remove(kind, item.id)} />
      </Group>
      <HistoryDrawer
        id={item.id}
        opened={historyOpen}
        currentRevision={item.revision}
        onClose={() => setHistoryOpen(false)}
        onRestored={(restored) => {
          setName(restored.name);
          onRestored(restored);
        }}
        describe={describe}
      />
    </Group>
  );
}
