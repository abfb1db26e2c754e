import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { QuestProgress, type DialogueState } from '../../../../main/domain/dialogue/dialogue-state';
import type { ContentSummary } from '../../../../preload/api';
import { api } from '../../api/client';

type Value = DialogueState['variables'][string];
type QuestStatus = QuestProgress['status'];
const STATUSES = QuestProgress.shape.status.options;

interface StateEditorProps {
  state: DialogueState;
  /** Variables the dialogue declares, so their values get the right kind of field. */
  declared?: readonly { name: string; type: 'bool' | 'number' | 'string' }[];
  onApply(state: DialogueState): Promise<void>;
}

const typeOf = (value: Value): 'bool' | 'number' | 'string' =>
  typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'number' : 'string';

/**
 * The game state a creator sets to test a branch: variables, quest progress and the
 * player's items. Edits stay local until Apply, so a half-typed value never reaches the
 * runtime; Reset goes back to the state as it is.
 */
export function StateEditor({ state, declared = [], onApply }: StateEditorProps) {
  // An edit belongs to the state it started from; when the state changes (a step, an apply), the edit is dropped.
  const [edit, setEdit] = useState<{ base: DialogueState; value: DialogueState } | null>(null);
  const draft = edit?.base === state ? edit.value : state;
  const setDraft = (value: DialogueState) => setEdit({ base: state, value });
  const [quests, setQuests] = useState<ContentSummary[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.call('content:list', { kind: 'quest' }).then(setQuests, () => undefined);
  }, []);
  const dirty = JSON.stringify(draft) !== JSON.stringify(state);
  const change = (apply: (next: DialogueState) => void) => {
    const next = structuredClone(draft);
    apply(next);
    setDraft(next);
  };

  const variableNames = [...new Set([...declared.map((v) => v.name), ...Object.keys(draft.variables)])];
  const questName = (id: string) => quests.find((q) => q.id === id)?.name ?? id;
  const unusedQuests = quests.filter((q) => !Object.hasOwn(draft.quests, q.id));

  return (
    <Stack gap="sm" data-testid="state-editor">
      <Section title="Variables">
        {variableNames.length === 0 && <Empty>No variables. Dialogues declare them; add one to test.</Empty>}
        {variableNames.map((name) => {
          const value = Object.hasOwn(draft.variables, name) ? draft.variables[name] : undefined;
          const type = declared.find((v) => v.name === name)?.type ?? (value === undefined ? 'string' : typeOf(value));
          const set = (next: Value | undefined) =>
            change((s) => {
              if (next === undefined) delete s.variables[name];
              else s.variables[name] = next;
            });
          return (
            <Group key={name} gap={6} wrap="nowrap">
              <Text size="xs" ff="monospace" w={110} truncate title={name}>
                ${name}
              </Text>
              {type === 'bool' ? (
                <Select
                  size="xs"
                  flex={1}
                  aria-label={`$${name}`}
                  data={['true', 'false']}
                  value={value === undefined ? null : String(value)}
                  placeholder="default"
                  onChange={(v) => set(v === null ? undefined : v === 'true')}
                />
              ) : type === 'number' ? (
                <NumberInput
                  size="xs"
                  flex={1}
                  aria-label={`$${name}`}
                  value={typeof value === 'number' ? value : ''}
                  placeholder="default"
                  onChange={(v) => set(typeof v === 'number' ? v : undefined)}
                />
              ) : (
                <TextInput
                  size="xs"
                  flex={1}
                  aria-label={`$${name}`}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => set(e.currentTarget.value)}
                />
              )}
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Unset $${name}`} onClick={() => set(undefined)}>
                <IconX size={12} />
              </ActionIcon>
            </Group>
          );
        })}
        <NewEntry
          placeholder="new_variable"
          label="Add variable"
          onAdd={(name) => /^[A-Za-z_]\w{0,63}$/.test(name) && change((s) => void (s.variables[name] = 0))}
        />
      </Section>

      <Section title="Quests">
        {Object.keys(draft.quests).length === 0 && <Empty>No quest started.</Empty>}
        {Object.entries(draft.quests).map(([id, quest]) => (
          <Group key={id} gap={6} wrap="nowrap">
            <Text size="xs" w={110} truncate title={questName(id)}>
              {questName(id)}
            </Text>
            <Select
              size="xs"
              w={110}
              aria-label={`Status of ${questName(id)}`}
              data={[...STATUSES]}
              value={quest.status}
              allowDeselect={false}
              onChange={(v) => v && change((s) => void (s.quests[id].status = v as QuestStatus))}
            />
            <NumberInput
              size="xs"
              w={70}
              min={0}
              aria-label={`Stage of ${questName(id)}`}
              value={quest.stage}
              onChange={(v) => typeof v === 'number' && change((s) => void (s.quests[id].stage = Math.max(0, Math.floor(v))))}
            />
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={`Remove ${questName(id)}`}
              onClick={() => change((s) => void delete s.quests[id])}
            >
              <IconX size={12} />
            </ActionIcon>
          </Group>
        ))}
        {unusedQuests.length > 0 ? (
          <Select
            size="xs"
            placeholder="Start a quest…"
            aria-label="Start a quest"
            data={unusedQuests.map((q) => ({ value: q.id, label: q.name }))}
            value={null}
            searchable
            onChange={(id) => id && change((s) => void (s.quests[id] = { status: 'active', stage: 0, objectives: {} }))}
          />
        ) : (
          <NewEntry
            placeholder="quest id"
            label="Add quest"
            onAdd={(id) => change((s) => void (s.quests[id] = { status: 'active', stage: 0, objectives: {} }))}
          />
        )}
      </Section>

      <Section title="Inventory">
        {Object.keys(draft.inventory).length === 0 && <Empty>The player carries nothing.</Empty>}
        {Object.entries(draft.inventory).map(([item, count]) => (
          <Group key={item} gap={6} wrap="nowrap">
            <Text size="xs" w={110} truncate title={item}>
              {item}
            </Text>
            <NumberInput
              size="xs"
              flex={1}
              min={0}
              aria-label={`Count of ${item}`}
              value={count}
              onChange={(v) => typeof v === 'number' && change((s) => void (s.inventory[item] = Math.max(0, Math.floor(v))))}
            />
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={`Remove ${item}`}
              onClick={() => change((s) => void delete s.inventory[item])}
            >
              <IconX size={12} />
            </ActionIcon>
          </Group>
        ))}
        <NewEntry placeholder="item id" label="Add item" onAdd={(item) => change((s) => void (s.inventory[item] = 1))} />
      </Section>

      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" disabled={!dirty || busy} onClick={() => setDraft(state)}>
          Reset
        </Button>
        <Button
          size="xs"
          disabled={!dirty}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onApply(draft);
            } finally {
              setBusy(false);
            }
          }}
        >
          Apply state
        </Button>
      </Group>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed">
      {children}
    </Text>
  );
}

/** A small field and + button that adds a named entry. */
function NewEntry({ placeholder, label, onAdd }: { placeholder: string; label: string; onAdd(name: string): void }) {
  const [name, setName] = useState('');
  const add = () => {
    if (!name.trim()) return;
    onAdd(name.trim());
    setName('');
  };
  return (
    <Group gap={6} wrap="nowrap">
      <TextInput
        size="xs"
        flex={1}
        placeholder={placeholder}
        aria-label={label}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()}
      />
      <ActionIcon size="md" variant="light" aria-label={label} onClick={add} disabled={!name.trim()}>
        <IconPlus size={14} />
      </ActionIcon>
    </Group>
  );
}
