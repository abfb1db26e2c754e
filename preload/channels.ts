/** IPC channel names shared by the preload script and the main process. */
export const IPC_CALL_CHANNEL = 'loreweaver:call';
export const IPC_EVENT_CHANNEL = 'loreweaver:event';
/** Main → renderer: a menu command id, one of MENU_COMMANDS in main/domain/menu-commands.ts. */
export const IPC_MENU_CHANNEL = 'loreweaver:menu';
