import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { CommandPalette } from '../palette/CommandPalette';
import { ProjectPicker } from '../projects/ProjectPicker';
import { ShortcutsModal } from '../shell/ShortcutsModal';
import { StudioShell } from '../shell/StudioShell';
import { useUi } from '../stores/ui-store';
import { useSession } from '../stores/session-store';
import { ConnectionProblem } from './ConnectionProblem';
import { useStudioEvents } from './use-studio-events';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useMenuCommands } from './use-menu-commands';

export function App() {
  const connection = useSession((s) => s.connection);
  const project = useSession((s) => s.project);
  const boot = useSession((s) => s.boot);
  const shortcutsOpen = useUi((s) => s.dialog === 'shortcuts');
  const closeDialog = useUi((s) => s.closeDialog);

  useEffect(() => {
    void boot();
  }, [boot]);
  useStudioEvents(connection === 'ready');
  useGlobalShortcuts();
  useMenuCommands();

  if (connection === 'connecting') {
    return (
      <Center h="100%">
        <Loader type="dots" aria-label="Connecting to the studio" />
      </Center>
    );
  }
  if (connection !== 'ready') return <ConnectionProblem />;
  return (
    <>
      {project ? <StudioShell project={project} /> : <ProjectPicker />}
      <CommandPalette />
      <ShortcutsModal opened={shortcutsOpen} onClose={closeDialog} />
    </>
  );
}
