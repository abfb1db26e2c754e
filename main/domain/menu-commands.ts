/**
 * Commands the desktop app's menu sends to the renderer on the `loreweaver:menu`
 * channel (IPC_MENU_CHANNEL). The renderer runs them the same way as its own
 * shortcuts and buttons; in browser mode there is no menu and they never arrive.
 */
export const MENU_COMMANDS = ['project.new', 'project.open', 'project.close', 'palette.open'] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
