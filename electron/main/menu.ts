/**
 * The application menu. Commands that belong to the interface (new project, import, export, backups, about)
 * are sent to the renderer as named commands; the renderer decides what to show.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc/menu-commands';

export function buildMenu(window: () => BrowserWindow | null, isMac: boolean): Menu {
  const send = (command: MenuCommand) => () => window()?.webContents.send(MENU_COMMAND_CHANNEL, command);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New project', accelerator: 'CmdOrCtrl+N', click: send('new-project') },
        { label: 'Open or import project file…', accelerator: 'CmdOrCtrl+O', click: send('import-project') },
        { label: 'Export project file…', accelerator: 'CmdOrCtrl+E', click: send('export-project') },
        { type: 'separator' },
        { label: 'Backups…', click: send('show-backups') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: 'How SROI Studio calculates', click: send('show-method') },
        { label: 'About SROI Studio', click: send('show-about') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
