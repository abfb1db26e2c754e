import { Box, Group, Select, Stack, Tabs, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingCastle, IconListDetails, IconSearch, IconTopologyStar3 } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { DIFFICULTIES } from '../../../main/domain/quest/quest-schema';
import { api } from '../api/client';
import { sectionById } from '../app/sections';
import { AiButton } from '../components/AiButton';
import { SectionEmptyState } from '../components/SectionEmptyState';
import { ListPaneHeader, NewItemButton } from '../components/ListPaneHeader';
import { NpcSelect } from '../npcs/NpcSelect';
import { NameModal } from '../projects/NameModal';
import listClasses from '../sections/ContentSection.module.css';
import { useContent } from '../stores/content-store';
import { useUi } from '../stores/ui-store';
import { DraftQuestModal } from './ai/DraftQuestModal';
import { QuestEditor } from './editor/QuestEditor';
import { QuestList } from './QuestList';
import { useQuests } from './quest-store';
import { WorldPanel } from './world/WorldPanel';
import { useWorldReveal } from './world/world-reveal';

/** The map draws with xyflow; it loads when first shown. */
const QuestMap = lazy(() => import('./map/QuestMap').then((m) => ({ default: m.QuestMap })));

type View = 'quests' | 'map' | 'world';

const failed = (title: string) => (e: Error) => notifications.show({ color: 'red', title, message: e.message });

/** The Quests section: the quest list and editor, the project's quest map, and its items and locations. */
export function QuestSection() {
  const section = sectionById('quest');
  // A picker that opens an item or location lands on its tab (see world-reveal.ts).
  const [view, setView] = useState<View>(() => (useWorldReveal.getState().target ? 'world' : 'quests'));
  const list = useQuests((s) => s.list);
  const npcs = useQuests((s) => s.npcs);
  const selected = useContent((s) => s.selected.quest);
  const newOpen = useUi((s) => s.dialog === 'new-item');
  const [text, setText] = useState('');
  const [giver, setGiver] = useState<string | null>(null);
  const [difficulty, setDifficulty] = useState<string | null>(null);
  const [draftOpen, setDraftOpen] = useState(false);

  useEffect(() => useWorldReveal.subscribe((s) => s.target && setView('world')), []);

  useEffect(() => {
    const load = () => void useQuests.getState().load().catch(failed('Could not load the quests'));
    const loadWorld = () => void useQuests.getState().loadWorld().catch(failed('Could not load items and locations'));
    load();
    loadWorld();
    const offContent = api.on('content:changed', ({ kind }) => (kind === 'quest' || kind === 'npc') && load());
    const offWorld = api.on('world:changed', loadWorld);
    return () => {
      offContent();
      offWorld();
    };
  }, []);

  const npcNames = useMemo(() => new Map(npcs.map((n) => [n.id, n.name])), [npcs]);
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (list ?? []).filter(
      (q) =>
        (!giver || q.giverNpcId === giver) &&
        (!difficulty || q.difficulty === difficulty) &&
        (!needle || q.title.toLowerCase().includes(needle) || q.tags.some((t) => t.toLowerCase().includes(needle))),
    );
  }, [list, text, giver, difficulty]);
  const select = (id: string) => useContent.getState().select('quest', id);
  const openDraft = () => setDraftOpen(true);

  return (
    <Stack gap={0} flex={1} miw={0} mih={0}>
      <Tabs value={view} onChange={(v) => setView((v as View) ?? 'quests')}>
        <Tabs.List px="sm">
          <Tabs.Tab value="quests" leftSection={<IconListDetails size={15} />}>
            Quests
          </Tabs.Tab>
          <Tabs.Tab value="map" leftSection={<IconTopologyStar3 size={15} />}>
            Quest map
          </Tabs.Tab>
          <Tabs.Tab value="world" leftSection={<IconBuildingCastle size={15} />}>
            Items & locations
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {view === 'quests' && (
        <Box className={listClasses.layout}>
          <Stack className={listClasses.listPane} gap={0}>
            <ListPaneHeader title={section.label} newLabel="New quest" />
            <Stack px="sm" pb="xs" gap="xs">
              <AiButton size="xs" fullWidth onClick={openDraft} hint="Describe a premise; the model drafts stages, objectives and rewards">
                Draft from premise
              </AiButton>
              <TextInput
                size="xs"
                placeholder="Search by title or tag"
                aria-label="Search quests"
                leftSection={<IconSearch size={14} />}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
              <Group gap={6} grow>
                <NpcSelect
                  size="xs"
                  aria-label="Filter by quest giver"
                  placeholder="Any giver"
                  clearable
                  npcs={npcs}
                  value={giver}
                  onChange={setGiver}
                />
                <Select
                  size="xs"
                  aria-label="Filter by difficulty"
                  placeholder="Any difficulty"
                  clearable
                  data={[...DIFFICULTIES]}
                  value={difficulty}
                  onChange={setDifficulty}
                />
              </Group>
            </Stack>
            <QuestList quests={shown} npcNames={npcNames} selected={selected} onSelect={select} />
          </Stack>
          <Box className={listClasses.editorPane}>
            {selected ? (
              <QuestEditor key={selected} id={selected} />
            ) : (
              <SectionEmptyState
                section={section}
                hasItems={Boolean(list?.length)}
                pickTitle="Pick a quest from the list"
                emptyTitle="No quests yet"
                emptyDescription="Create a quest and lay out its stages, objectives, branches and rewards, or describe a premise and let the loaded model draft one from your NPCs, items and locations."
                actions={
                  <>
                    <NewItemButton label="New quest" />
                    <AiButton size="xs" onClick={openDraft}>
                      Draft from premise
                    </AiButton>
                  </>
                }
              />
            )}
          </Box>
        </Box>
      )}
      {view === 'map' && (
        <Suspense>
          <QuestMap
            onOpenQuest={(id) => {
              select(id);
              setView('quests');
            }}
          />
        </Suspense>
      )}
      {view === 'world' && (
        <Box flex={1} mih={0} style={{ overflow: 'auto' }}>
          <WorldPanel />
        </Box>
      )}
      <NameModal
        opened={newOpen}
        title="New quest"
        label="Title"
        submitLabel="Create"
        onClose={() => useUi.getState().closeDialog()}
        onSubmit={async (title) => {
          await useQuests.getState().create(title);
          setView('quests');
        }}
      />
      <DraftQuestModal opened={draftOpen} onClose={() => setDraftOpen(false)} onCreated={() => setView('quests')} />
    </Stack>
  );
}
