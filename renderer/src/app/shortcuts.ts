/** Every keyboard shortcut, as shown in the shortcuts sheet and bound in use-global-shortcuts. */
export const SHORTCUTS = [
  { keys: 'mod+K', label: 'Command palette and search' },
  { keys: 'mod+shift+F', label: 'Search the project (all results, grouped by kind)' },
  { keys: 'alt+N', label: 'New item in this section (new project in the picker)' },
  { keys: 'alt+1 … alt+9', label: 'Go to a section' },
  { keys: 'mod+shift+L', label: 'Switch light and dark theme' },
  { keys: 'alt+W', label: 'Close the project' },
  { keys: 'mod+/', label: 'Show keyboard shortcuts' },
] as const;

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "mod+K" → "Ctrl+K" or "⌘K". */
export function keyLabel(keys: string): string {
  return keys
    .split(' … ')
    .map((part) =>
      part
        .split('+')
        .map((k) =>
          k === 'mod'
            ? isMac
              ? '⌘'
              : 'Ctrl'
            : k === 'shift'
              ? isMac
                ? '⇧'
                : 'Shift'
              : k === 'alt'
                ? isMac
                  ? '⌥'
                  : 'Alt'
                : k.toUpperCase(),
        )
        .join(isMac ? '' : '+'),
    )
    .join(' … ');
}
