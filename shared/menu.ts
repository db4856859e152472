/**
 * What the menus ask the page to do (electron/app/menu.ts → the preload's `onMenu` → renderer/App.tsx).
 * A fixed list: the preload passes on nothing else. No zod here: the sandboxed preload bundles this file.
 */
export const MENU_COMMANDS = [
  'nytt-register',
  'vis-deltakere',
  'vis-kull',
  'vis-rapport',
  'importer',
  'innstillinger',
  'register',
  'skriv-ut',
  'hjelp',
  'om',
  // Rediger → Angre / Gjør om: the page decides what they undo (renderer/grid/editCommands.ts).
  'angre',
  'gjor-om',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
