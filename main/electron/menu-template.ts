import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../domain/menu-commands';

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools are for development only: a reload drops unsaved editor state. */
  dev: boolean;
  appName: string;
  send(command: MenuCommand): void;
}

/**
 * The application menu as data. Items that act on the studio's UI send a command
 * to the renderer; window and text-editing items use Electron's roles so each
 * platform gets its native behaviour.
 */
export function buildMenuTemplate({ platform, dev, appName, send }: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (label: string, id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(id),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New Project…', 'project.new', 'CmdOrCtrl+N'),
      command('Open Project…', 'project.open', 'CmdOrCtrl+O'),
      command('Close Project', 'project.close'),
      separator,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const developer: MenuItemConstructorOptions[] = dev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : [];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('Command Palette…', 'palette.open', 'CmdOrCtrl+K'),
      separator,
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  if (mac) return [{ role: 'appMenu' }, file, { role: 'editMenu' }, view, { role: 'windowMenu' }];
  return [file, { role: 'editMenu' }, view, { label: 'Help', submenu: [{ role: 'about', label: `About ${appName}` }] }];
}
