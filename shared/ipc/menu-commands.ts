/** Commands the application menu sends to the interface over one event channel. */
export const MENU_COMMAND_CHANNEL = 'sroi:menu';
export const MENU_COMMANDS = [
  'new-project',
  'import-project',
  'export-project',
  'show-backups',
  'show-about',
  'show-method',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
