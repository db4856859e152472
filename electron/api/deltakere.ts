import { deltakerField } from '../../shared/fields';
import { createDeltaker, deleteDeltakere, listDeltakere, listDeltakerPage, updateDeltaker } from '../store/deltakere';
import type { HandlerMap } from './types';
import { undoable } from './undoable';

/** «Endre fødselsår» for one field, «Endre deltaker» for several. */
function editLabel(changes: object): string {
  const keys = Object.keys(changes);
  return keys.length === 1
    ? `Endre ${deltakerField(keys[0]!)?.label.toLocaleLowerCase('nb') ?? keys[0]}`
    : 'Endre deltaker';
}

// Every write is also one step of the Deltakere grid's undo history (the contract's `undoable`).
export const deltakerHandlers = {
  'deltaker:list': (reg, { kull }) => listDeltakere(reg, kull),
  'deltaker:page': (reg, { kull, after, limit }) => listDeltakerPage(reg, kull, after, limit),
  'deltaker:create': undoable(
    'deltaker:create',
    () => 'Ny deltaker',
    (reg, input) => createDeltaker(reg, input),
  ),
  'deltaker:update': undoable(
    'deltaker:update',
    ({ changes }) => editLabel(changes),
    (reg, { id, changes }) => updateDeltaker(reg, id, changes),
  ),
  'deltaker:delete': undoable(
    'deltaker:delete',
    ({ ids }) => (ids.length === 1 ? 'Slett deltaker' : `Slett ${ids.length} deltakere`),
    (reg, { ids }) => ({ deleted: deleteDeltakere(reg, ids) }),
  ),
} satisfies Partial<HandlerMap>;
