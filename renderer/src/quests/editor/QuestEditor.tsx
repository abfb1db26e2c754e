import { Alert, Box, Button, Group, Loader, NumberInput, Select, Stack, Tabs, TagsInput, Text, Textarea } from '@mantine/core';
import { IconHistory, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { DIFFICULTIES, type Difficulty } from '../../../../main/domain/quest/quest-schema';
import { AiButton } from '../../components/AiButton';
import { HistoryDrawer } from '../../sections/HistoryDrawer';
import { relativeTime } from '../../util/relative-time';
import { JournalAiModal } from '../ai/JournalAiModal';
import { RewardsAiModal } from '../ai/RewardsAiModal';
import { describeQuestRevision } from '../describe-revision';
import { openItem } from '../navigate';
import { useQuests } from '../quest-store';
import { OpenButton } from '../../dialogues/inspector/OpenButton';
import { NpcSelect } from '../../npcs/NpcSelect';
import { DialogueLinks } from './DialogueLinks';
import { QuestProblems } from './QuestProblems';
import { RewardsForm } from './RewardsForm';
import { StageFlow } from './StageFlow';
import { StageForm } from './StageForm';
import { StartFailForm } from './StartFailForm';
import { useQuestDocument } from './use-quest-document';
import { problemAt, SaveFailureAlert } from '../../documents/SaveFailureAlert';
import { DeleteItemButton } from '../../components/DeleteItemButton';
import { TitleInput } from '../../components/TitleInput';
import { UndoRedoButtons } from '../../components/UndoRedoButtons';

type AiModal = 'journal' | 'rewards' | null;

/** One quest: identity and giver at the top, the stage flow with the selected stage's form, rewards, start and failure, links. */
export function QuestEditor({ id }: { id: string }) {
  const editing = useQuestDocument(id);
  const npcs = useQuests((s) => s.npcs);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [stageId, setStageId] = useState<string | undefined>(undefined);
  const [tab, setTab] = useState<string | null>('stages');
  const [ai, setAi] = useState<AiModal>(null);
  const { quest, document, run, problems } = editing;
  const refused = useStore(editing.session, (s) => s.failure?.problems);

  const problemsByStage = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of problems) if (p.stageId && p.severity === 'error') counts.set(p.stageId, (counts.get(p.stageId) ?? 0) + 1);
    return counts;
  }, [problems]);

  if (editing.loadError) {
    return (
      <Alert color="red" m="lg" title="This quest could not be opened">
        {editing.loadError}
      </Alert>
    );
  }
  if (!quest || !document) {
    return (
      <Group p="xl">
        <Loader size="sm" />
      </Group>
    );
  }

  const stage = quest.stages.find((s) => s.id === stageId) ?? quest.stages.find((s) => s.id === quest.startStageId) ?? quest.stages[0];
  const selectStage = (next: string) => {
    setStageId(next);
    setTab('stages');
  };

  return (
    <Stack p="lg" gap="md" maw={1280}>
      <SaveFailureAlert session={editing.session} noun="quest" />
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TitleInput
          label="Quest title"
          placeholder="Title"
          value={quest.title}
          onChange={(title) => run({ type: 'setFields', fields: { title } }, 'title')}
          maxLength={200}
          error={problemAt(refused, 'title')}
        />
        <Group gap={4} wrap="nowrap">
          <UndoRedoButtons canUndo={editing.canUndo} canRedo={editing.canRedo} onUndo={editing.undo} onRedo={editing.redo} size="lg" />
          <Button variant="subtle" color="gray" leftSection={<IconHistory size={16} />} onClick={() => setHistoryOpen(true)}>
            History
          </Button>
          <DeleteItemButton what="quest" name={quest.title} onDelete={() => useQuests.getState().remove(id)} />
        </Group>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NpcSelect
          label="Quest giver"
          placeholder="No giver"
          clearable
          flex="1 1 240px"
          maw={420}
          npcs={npcs}
          value={quest.giverNpcId ?? null}
          onChange={(giverNpcId) => run({ type: 'setFields', fields: { giverNpcId: giverNpcId ?? undefined } })}
          inputContainer={(input) => (
            <OpenButton
              label="Open the quest giver"
              disabled={!npcs.some((n) => n.id === quest.giverNpcId)}
              onOpen={() => quest.giverNpcId && openItem('npc', quest.giverNpcId)}
            >
              {input}
            </OpenButton>
          )}
        />
        <NumberInput
          label="Level"
          w={90}
          min={0}
          max={1000}
          value={quest.level}
          onChange={(n) =>
            typeof n === 'number' && n >= 0 && n <= 1000 && run({ type: 'setFields', fields: { level: Math.floor(n) } }, 'level')
          }
        />
        <Select
          label="Difficulty"
          w={130}
          data={[...DIFFICULTIES]}
          allowDeselect={false}
          value={quest.difficulty}
          onChange={(difficulty) => difficulty && run({ type: 'setFields', fields: { difficulty: difficulty as Difficulty } })}
        />
        <TagsInput
          label="Tags"
          placeholder="Type one, press Enter"
          flex={1}
          miw={200}
          value={quest.tags}
          onChange={(tags) => run({ type: 'setFields', fields: { tags } })}
          clearable
        />
      </Group>
      <Textarea
        label="Summary"
        placeholder="What the quest is about, in a sentence or two"
        autosize
        minRows={2}
        maxRows={6}
        value={quest.summary}
        onChange={(e) => run({ type: 'setFields', fields: { summary: e.currentTarget.value } }, 'summary')}
      />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="stages">Stages ({quest.stages.length})</Tabs.Tab>
          <Tabs.Tab value="rewards">Rewards ({quest.rewards.length})</Tabs.Tab>
          <Tabs.Tab value="start">Start & failure</Tabs.Tab>
          <Tabs.Tab value="links">Dialogue links</Tabs.Tab>
          <Tabs.Tab value="notes">Notes</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="stages" pt="sm">
          <Group gap="xs" mb="xs">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => run({ type: 'addStage', after: stage?.id })}
            >
              Add stage
            </Button>
            <AiButton size="xs" onClick={() => setAi('journal')} blockedReason={quest.stages.length ? undefined : 'Add a stage first'}>
              Write journal entries
            </AiButton>
          </Group>
          {/* Side by side when there is room, the form below the flow when not; the editor pane is the one scroll container. */}
          <Group align="flex-start" gap="md" wrap="wrap">
            <Box flex="1 1 460px" miw={0}>
              <StageFlow quest={quest} selectedStageId={stage?.id} problemsByStage={problemsByStage} onSelect={setStageId} />
            </Box>
            <Box flex="1 1 360px" maw={560} miw={0} data-testid="stage-form">
              {stage ? (
                <StageForm key={stage.id} quest={quest} stage={stage} run={run} />
              ) : (
                <Text size="sm" c="dimmed">
                  No stages yet. Add one to start laying out the quest.
                </Text>
              )}
            </Box>
          </Group>
        </Tabs.Panel>
        <Tabs.Panel value="rewards" pt="sm">
          <Group mb="xs">
            <AiButton size="xs" onClick={() => setAi('rewards')} hint={`Rewards that fit a level ${quest.level} ${quest.difficulty} quest`}>
              Suggest rewards for this level
            </AiButton>
          </Group>
          <RewardsForm quest={quest} run={run} />
        </Tabs.Panel>
        <Tabs.Panel value="start" pt="sm">
          <StartFailForm quest={quest} run={run} />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="sm">
          <DialogueLinks questId={id} revision={document.revision} />
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="sm">
          <Textarea
            aria-label="Notes"
            placeholder="Notes for yourself and your team; not shown to players"
            autosize
            minRows={6}
            value={quest.notes}
            onChange={(e) => run({ type: 'setFields', fields: { notes: e.currentTarget.value } }, 'notes')}
          />
        </Tabs.Panel>
      </Tabs>
      <QuestProblems problems={problems} onSelectStage={selectStage} />
      <Text size="xs" c="dimmed">
        Revision {document.revision} · saved {relativeTime(document.updatedAt)}
      </Text>
      <HistoryDrawer
        id={id}
        opened={historyOpen}
        currentRevision={document.revision}
        onClose={() => setHistoryOpen(false)}
        describe={describeQuestRevision}
        onRestored={() => void editing.reload()}
      />
      {ai === 'journal' && (
        <JournalAiModal quest={quest} onClose={() => setAi(null)} onAccept={(journals) => run({ type: 'setJournals', journals })} />
      )}
      {ai === 'rewards' && (
        <RewardsAiModal quest={quest} onClose={() => setAi(null)} onAccept={(rewards) => run({ type: 'addRewards', rewards })} />
      )}
    </Stack>
  );
}
