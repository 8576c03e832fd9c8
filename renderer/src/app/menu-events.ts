/**
 * The desktop menu's commands, re-broadcast as a DOM event so any screen can react to the ones it owns
 * (the projects home handles "new project" and "import", a project's workspace handles "export").
 */
export const MENU_EVENT = 'sroi-menu';

export function listenToDesktopMenu(): () => void {
  const bridge = window.sroi;
  if (!bridge?.onMenuCommand) return () => undefined;
  return bridge.onMenuCommand((command) => window.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: command })));
}
