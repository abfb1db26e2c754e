import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isMenuCommand, MENU_COMMANDS } from '../../main/domain/menu-commands';
import { buildMenuTemplate, type MenuTemplateOptions } from '../../main/electron/menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function menu(overrides: Partial<MenuTemplateOptions> = {}) {
  const send = vi.fn();
  const items = flatten(buildMenuTemplate({ platform: 'linux', dev: false, appName: 'Loreweaver Studio', send, ...overrides }));
  const byLabel = (label: string) => items.find((item) => item.label === label);
  const roles = items.map((item) => item.role).filter(Boolean);
  return { send, items, byLabel, roles };
}

describe('application menu', () => {
  it('sends each renderer command by id when its item is clicked', () => {
    const { send, byLabel } = menu();
    const expected: Record<string, string> = {
      'New Project…': 'project.new',
      'Open Project…': 'project.open',
      'Close Project': 'project.close',
      'Command Palette…': 'palette.open',
    };
    for (const [label, command] of Object.entries(expected)) {
      const item = byLabel(label);
      expect(item, label).toBeDefined();
      (item!.click as () => void)();
      expect(send).toHaveBeenLastCalledWith(command);
    }
    expect(byLabel('New Project…')!.accelerator).toBe('CmdOrCtrl+N');
    expect(new Set(send.mock.calls.map(([command]) => command))).toEqual(new Set(MENU_COMMANDS));
  });

  it('offers reload and developer tools only in development', () => {
    expect(menu({ dev: false }).roles).not.toEqual(expect.arrayContaining(['reload']));
    expect(menu({ dev: false }).roles).not.toContain('toggleDevTools');
    expect(menu({ dev: false }).roles).not.toContain('forceReload');
    expect(menu({ dev: true }).roles).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('keeps zoom, full screen, editing roles and About on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { roles } = menu({ platform });
      expect(roles, platform).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    }
    expect(menu({ platform: 'win32' }).roles).toEqual(expect.arrayContaining(['about', 'quit']));
    expect(menu({ platform: 'darwin' }).roles).toEqual(expect.arrayContaining(['appMenu', 'close', 'windowMenu']));
    expect(menu({ platform: 'darwin' }).roles).not.toContain('quit');
  });

  it('recognises only its own command ids', () => {
    for (const command of MENU_COMMANDS) expect(isMenuCommand(command)).toBe(true);
    expect(isMenuCommand('project.delete')).toBe(false);
    expect(isMenuCommand(42)).toBe(false);
  });
});
