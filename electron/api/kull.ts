import { kullField } from '../../shared/fields';
import { createKull, deleteKull, listKull, updateKull } from '../store/kull';
import type { HandlerMap } from './types';
import { undoable } from './undoable';

/** «Endre kapasitet» for one field, «Endre kull» for several. */
function editLabel(changes: object): string {
  const keys = Object.keys(changes);
  return keys.length === 1 ? `Endre ${kullField(keys[0]!)?.label.toLocaleLowerCase('nb') ?? keys[0]}` : 'Endre kull';
}

// Every write is also one step of the Kull grid's undo history (the contract's `undoable`).
export const kullHandlers = {
  'kull:list': (reg) => listKull(reg),
  'kull:create': undoable(
    'kull:create',
    () => 'Nytt kull',
    (reg, input) => createKull(reg, input),
  ),
  'kull:update': undoable(
    'kull:update',
    ({ changes }) => editLabel(changes),
    (reg, { id, changes }) => updateKull(reg, id, changes),
  ),
  'kull:delete': undoable(
    'kull:delete',
    () => 'Slett kull',
    (reg, { id }) => {
      deleteKull(reg, id);
      return { id };
    },
  ),
} satisfies Partial<HandlerMap>;
