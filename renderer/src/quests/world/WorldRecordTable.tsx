import { ActionIcon, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { worldIdFromName } from '../../../../main/domain/quest/world-schema';
import { confirmDanger } from '../../components/confirm-danger';
import { useAsyncAction } from '../../components/use-async-action';
import { ModalActions } from '../../components/ModalActions';
import { useWorldReveal, type WorldKind } from './world-reveal';

export interface WorldRecordBase {
  id: string;
  name: string;
  description: string;
}

interface WorldRecordTableProps<T extends WorldRecordBase> {
  title: string;
  noun: WorldKind;
  records: readonly T[];
  empty: string;
  blank(): T;
  /** Extra columns and form fields of the kind (a location's region, an item's stacking). */
  extraHeader: string;
  extraCell(record: T): ReactNode;
  extraFields(record: T, change: (record: T) => void): ReactNode;
  save(record: T): Promise<unknown>;
  remove(id: string): Promise<unknown>;
}

/**
 * One kind of world record as a table, with an add/edit form and delete; ids are made from
 * the name and fixed once saved. A record a reference picker opened (see world-reveal.ts)
 * opens in its form.
 */
export function WorldRecordTable<T extends WorldRecordBase>(props: WorldRecordTableProps<T>) {
  const { title, noun, records, empty, extraHeader, extraCell, remove } = props;
  const [chosen, setChosen] = useState<{ record: T; isNew: boolean } | null>(null);
  const revealedId = useWorldReveal((s) => (s.target?.kind === noun ? s.target.id : null));
  const revealed = revealedId === null ? undefined : records.find((r) => r.id === revealedId);
  const editing = chosen ?? (revealed ? { record: revealed, isNew: false } : null);
  const setEditing = (next: { record: T; isNew: boolean } | null) => {
    if (revealed) useWorldReveal.getState().take(noun);
    setChosen(next);
  };

  return (
    <Paper withBorder radius="md" p="md" flex={1} miw={320}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ record: props.blank(), isNew: true })}>
          Add {noun}
        </Button>
      </Group>
      {records.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table striped highlightOnHover aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Id</Table.Th>
              <Table.Th>{extraHeader}</Table.Th>
              <Table.Th w={70} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((record) => (
              <Table.Tr key={record.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {record.name}
                  </Text>
                  {record.description && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {record.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {record.id}
                </Table.Td>
                <Table.Td fz="sm">{extraCell(record)}</Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Edit ${record.name}`}
                      onClick={() => setEditing({ record, isNew: false })}
                    >
                      <IconPencil size={15} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${record.name}`}
                      onClick={() =>
                        confirmDanger({
                          title: `Delete “${record.name}”?`,
                          body: 'Quests and dialogues that name it will show it as missing in their validation.',
                          confirmLabel: 'Delete',
                          onConfirm: async () => {
                            await remove(record.id);
                          },
                        })
                      }
                    >
                      <IconTrash size={15} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <RecordForm {...props} initial={editing.record} isNew={editing.isNew} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function RecordForm<T extends WorldRecordBase>({
  noun,
  records,
  initial,
  isNew,
  extraFields,
  save,
  onClose,
}: WorldRecordTableProps<T> & { initial: T; isNew: boolean; onClose(): void }) {
  const [record, setRecord] = useState(initial);
  const [idTouched, setIdTouched] = useState(false);
  const action = useAsyncAction();
  const taken = isNew && records.some((r) => r.id === record.id);

  const setName = (name: string) => setRecord((r) => ({ ...r, name, id: isNew && !idTouched ? worldIdFromName(name) : r.id }));

  return (
    <Modal opened onClose={onClose} title={isNew ? `New ${noun}` : `Edit ${initial.name}`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await save(record);
            onClose();
          });
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            value={record.name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={120}
            data-autofocus
          />
          <TextInput
            label="Id"
            description={isNew ? 'What quests, dialogues and the game use to name it' : 'Fixed once saved'}
            disabled={!isNew}
            ff="monospace"
            value={record.id}
            error={taken ? `Another ${noun} has this id` : undefined}
            onChange={(e) => {
              setIdTouched(true);
              setRecord({ ...record, id: e.currentTarget.value });
            }}
          />
          <TextInput
            label="Description"
            value={record.description}
            onChange={(e) => setRecord({ ...record, description: e.currentTarget.value })}
            maxLength={2000}
          />
          {extraFields(record, setRecord)}
          {action.error && (
            <Text size="sm" c="red" role="alert">
              {action.error}
            </Text>
          )}
          <ModalActions
            submitLabel={isNew ? `Add ${noun}` : 'Save'}
            onCancel={onClose}
            busy={action.busy}
            disabled={!record.name.trim() || !record.id || taken}
          />
        </Stack>
      </form>
    </Modal>
  );
}
