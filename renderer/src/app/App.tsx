import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { CommandPalette } from '../palette/CommandPalette';
import { ProjectPicker } from '../projects/ProjectPicker';
import { ShortcutsModal } from '../shell/ShortcutsModal';
import { useUi } from '../stores/ui-store';
import { useSession } from '../stores/session-store';
import { ConnectionProblem } from './ConnectionProblem';
import { useStudioEvents } from './use-studio-events';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useMenuCommands } from './use-menu-commands';
import { useUnloadWarning } from './use-unload-warning';

/** The studio around a project loads after the picker has painted. */
const StudioShell = lazy(() => import('../shell/StudioShell').then((m) => ({ default: m.StudioShell })));

const loading = (
  <Center h="100%">
    <Loader type="dots" aria-label="Loading" />
  </Center>
);

export function App() {
  const connection = useSession((s) => s.connection);
  const project = useSession((s) => s.project);
  const boot = useSession((s) => s.boot);
  const shortcutsOpen = useUi((s) => s.dialog === 'shortcuts');
  const closeDialog = useUi((s) => s.closeDialog);

  useEffect(() => {
    void boot();
  }, [boot]);
  const reached = connection === 'ready' || connection === 'offline';
  useStudioEvents(reached);
  useUnloadWarning();
  useGlobalShortcuts();
  useMenuCommands();

  if (connection === 'connecting') return loading;
  if (!reached) return <ConnectionProblem />;
  return (
    <>
      {project ? (
        <Suspense fallback={loading}>
          <StudioShell project={project} />
        </Suspense>
      ) : (
        <ProjectPicker />
      )}
      <CommandPalette />
      <ShortcutsModal opened={shortcutsOpen} onClose={closeDialog} />
    </>
  );
}
