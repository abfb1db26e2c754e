import { BrowserWindow, Menu } from 'electron';
import { IPC_MENU_CHANNEL } from '../../preload/channels';
import type { MenuCommand } from '../domain/menu-commands';
import { buildMenuTemplate } from './menu-template';

/** Sends a menu command to the window the user is working in. */
function sendToRenderer(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (window && !window.webContents.isDestroyed()) window.webContents.send(IPC_MENU_CHANNEL, command);
}

/** Replaces Electron's default menu with the studio's. */
export function installApplicationMenu(options: { dev: boolean; appName: string }): void {
  const template = buildMenuTemplate({ ...options, platform: process.platform, send: sendToRenderer });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
