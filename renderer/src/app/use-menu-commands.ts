import { spotlight } from '@mantine/spotlight';
import { useEffect } from 'react';
import { isMenuCommand, type MenuCommand } from '../../../main/domain/menu-commands';
import { useSession } from '../stores/session-store';
import { useUi } from '../stores/ui-store';

async function run(command: MenuCommand): Promise<void> {
  const session = useSession.getState();
  switch (command) {
    case 'project.new':
      if (session.project) await session.closeProject();
      useUi.getState().openDialog('new-project');
      return;
    case 'project.open':
    case 'project.close':
      if (session.project) await session.closeProject();
      return;
    case 'palette.open':
      spotlight.open();
      return;
  }
}

/** The desktop app's menu sends commands; the browser has no such menu. */
export function useMenuCommands(): void {
  useEffect(() => {
    const off = window.loreweaver?.onMenu?.((command) => {
      if (isMenuCommand(command)) void run(command);
    });
    return off;
  }, []);
}
