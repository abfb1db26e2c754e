import { useMantineColorScheme, useComputedColorScheme } from '@mantine/core';
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { useSession } from '../stores/session-store';
import { useUi } from '../stores/ui-store';
import { SECTIONS } from './sections';

/** Binds the shortcuts listed in shortcuts.ts (the palette binds mod+K itself; Ctrl+digit belongs to the browser's tabs). */
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
      // Physical keys, so Alt+digit works on every keyboard layout (macOS turns ⌥1 into "¡").
      ...SECTIONS.map((_, i) => [`alt+digit${i + 1}`, goTo(i), { usePhysicalKeys: true }] as HotkeyItem),
    ],
    [],
  );
}
