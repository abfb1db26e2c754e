import { AppShell } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import type { ProjectInfo } from '../../../preload/api';
import { sectionById } from '../app/sections';
import { ModelsSection } from '../models/ModelsSection';
import { NpcSection } from '../npcs/NpcSection';
import { ExportSection } from '../export/ExportSection';
import { useSession } from '../stores/session-store';
import { useLayout } from './layout-store';
import { ProjectHeader } from './ProjectHeader';
import { Sidebar } from './Sidebar';
import { SearchView } from '../search/SearchView';
import { StatusBar } from './StatusBar';

/** The graph editor (xyflow, dagre) loads with the section, not with the shell. */
const DialogueSection = lazy(() => import('../dialogues/DialogueSection').then((m) => ({ default: m.DialogueSection })));
/** The quest editor and map (xyflow, dagre) likewise. */
const QuestSection = lazy(() => import('../quests/QuestSection').then((m) => ({ default: m.QuestSection })));
/** The prose editor (TipTap) and the poem editor likewise. */
const StorySection = lazy(() => import('../stories/StorySection').then((m) => ({ default: m.StorySection })));
const PoemSection = lazy(() => import('../poems/PoemSection').then((m) => ({ default: m.PoemSection })));
/** Test chat: conversations and playthroughs with their inspectors. */
const TestChatSection = lazy(() => import('../testchat/TestChatSection').then((m) => ({ default: m.TestChatSection })));
/** The script tree; Monaco itself loads later still, with the first opened script. */
const ScriptSection = lazy(() => import('../scripts/ScriptSection').then((m) => ({ default: m.ScriptSection })));

/** The studio around an open project: header, sidebar of sections, the section, status bar. */
export function StudioShell({ project }: { project: ProjectInfo }) {
  const section = sectionById(useSession((s) => s.section));

  const sidebarCollapsed = useLayout((s) => s.sidebarCollapsed);
  const listsCollapsed = useLayout((s) => s.listsCollapsed);
  useEffect(() => {
    document.title = `${project.name} · Loreweaver Studio`;
    return () => {
      document.title = 'Loreweaver Studio';
    };
  }, [project.name]);

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: sidebarCollapsed ? 60 : 232, breakpoint: 0 }} footer={{ height: 30 }} padding={0}>
      <AppShell.Header>
        <ProjectHeader project={project} />
      </AppShell.Header>
      <AppShell.Navbar>
        <Sidebar />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex' }} data-lists={listsCollapsed ? 'folded' : 'open'}>
        {section.id === 'npc' ? (
          <NpcSection section={section} />
        ) : section.id === 'dialogue' ? (
          <Suspense>
            <DialogueSection />
          </Suspense>
        ) : section.id === 'quest' ? (
          <Suspense>
            <QuestSection />
          </Suspense>
        ) : section.id === 'story' ? (
          <Suspense>
            <StorySection section={section} />
          </Suspense>
        ) : section.id === 'poem' ? (
          <Suspense>
            <PoemSection section={section} />
          </Suspense>
        ) : section.id === 'script' ? (
          <Suspense>
            <ScriptSection />
          </Suspense>
        ) : section.id === 'testchat' ? (
          <Suspense>
            <TestChatSection />
          </Suspense>
        ) : section.id === 'export' ? (
          <ExportSection />
        ) : (
          <ModelsSection />
        )}
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
      <SearchView />
    </AppShell>
  );
}
