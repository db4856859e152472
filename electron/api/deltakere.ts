import { deltakerField } from '../../shared/fields';
import {
  createDeltaker,
  deleteDeltakere,
  listDeltakere,
  listDeltakerPage,
  readDeltakerFields,
  updateDeltaker,
} from '../store/deltakere';
import { recordStep } from '../store/undo';
import type { HandlerMap } from './types';

// Every write is also one step of the Deltakere grid's undo history (store/undo.ts).
export const deltakerHandlers = {
  'deltaker:list': (reg, { kull }) => listDeltakere(reg, kull),
  'deltaker:page': (reg, { kull, after, limit }) => listDeltakerPage(reg, kull, after, limit),
  'deltaker:create': (reg, input) => {
    const saved = createDeltaker(reg, input);
    const { id, ...after } = saved.deltaker;
    recordStep(reg, 'deltaker', 'Ny deltaker', [{ id, before: null, after }], saved.addedListValues);
    return saved;
  },
  'deltaker:update': (reg, { id, changes }) => {
    const before = readDeltakerFields(reg, id);
    const saved = updateDeltaker(reg, id, changes);
    const { id: _id, ...after } = saved.deltaker;
    const keys = Object.keys(changes);
    const label =
      keys.length === 1
        ? `Endre ${deltakerField(keys[0]!)?.label.toLocaleLowerCase('nb') ?? keys[0]}`
        : 'Endre deltaker';
    recordStep(reg, 'deltaker', label, [{ id, before, after }], saved.addedListValues);
    return saved;
  },
  'deltaker:delete': (reg, { ids }) => {
    const before = ids.map((id) => ({ id, before: readDeltakerFields(reg, id) }));
    const deleted = deleteDeltakere(reg, ids);
    const label = ids.length === 1 ? 'Slett deltaker' : `Slett ${ids.length} deltakere`;
    recordStep(
      reg,
      'deltaker',
      label,
      before.map((b) => ({ ...b, after: null })),
    );
    return { deleted };
  },
} satisfies Partial<HandlerMap>;
