import { useMantineColorScheme, useComputedColorScheme } from '@mantine/core';
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { useSession } from '../stores/session-store';
import { useUi } from '../stores/ui-store';
import { SECTIONS } from './sections';

/** Alt shortcuts match physical keys, so they work on every layout (macOS turns ⌥1 into "¡"). */
const physical = { usePhysicalKeys: true };

/**
 * Binds the shortcuts listed in shortcuts.ts; the palette binds mod+K itself. Browsers keep
 * Ctrl+N, Ctrl+W and Ctrl+digit for their own windows and tabs, so ours use Alt there.
 */
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
      ['alt+N', () => openDialog(useSession.getState().project ? 'new-item' : 'new-project'), physical],
      ['alt+W', () => void (useSession.getState().project && useSession.getState().closeProject()), physical],
      ['mod+shift+L', () => setColorScheme(computed === 'dark' ? 'light' : 'dark')],
      ['mod+/', () => openDialog('shortcuts')],
      ...SECTIONS.map((_, i) => [`alt+digit${i + 1}`, goTo(i), physical] as HotkeyItem),
    ],
    [],
  );
}
