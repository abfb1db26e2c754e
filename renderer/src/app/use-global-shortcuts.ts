import { useMantineColorScheme, useComputedColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useSession } from '../stores/session-store';
import { useUi } from '../stores/ui-store';
import { SECTIONS } from './sections';

/** Binds the shortcuts listed in shortcuts.ts (the palette binds mod+K itself). */
export function useGlobalShortcuts(): void {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const openDialog = useUi((s) => s.openDialog);

  const goTo = (index: number) => () => {
    const section = SECTIONS[index];
    if (section && useSession.getState().project) useSession.getState().setSection(section.id);
  };

  useHotkeys(
    [
      ['mod+N', () => openDialog(useSession.getState().project ? 'new-item' : 'new-project')],
      ['mod+shift+L', () => setColorScheme(computed === 'dark' ? 'light' : 'dark')],
      ['mod+shift+W', () => void (useSession.getState().project && useSession.getState().closeProject())],
      ['mod+/', () => openDialog('shortcuts')],
      ...SECTIONS.map((_, i) => [`mod+${i + 1}`, goTo(i)] as [string, () => void]),
    ],
    [],
  );
}
