import { kullField } from '../../shared/fields';
import { createKull, deleteKull, listKull, readKullFields, updateKull } from '../store/kull';
import { recordStep } from '../store/undo';
import type { HandlerMap } from './types';

// Every write is also one step of the Kull grid's undo history (store/undo.ts).
export const kullHandlers = {
  'kull:list': (reg) => listKull(reg),
  'kull:create': (reg, input) => {
    const row = createKull(reg, input);
    recordStep(reg, 'kull', 'Nytt kull', [{ id: row.id, before: null, after: readKullFields(reg, row.id) }]);
    return row;
  },
  'kull:update': (reg, { id, changes }) => {
    const before = readKullFields(reg, id);
    const row = updateKull(reg, id, changes);
    const keys = Object.keys(changes);
    const label =
      keys.length === 1 ? `Endre ${kullField(keys[0]!)?.label.toLocaleLowerCase('nb') ?? keys[0]}` : 'Endre kull';
    recordStep(reg, 'kull', label, [{ id, before, after: readKullFields(reg, id) }]);
    return row;
  },
  'kull:delete': (reg, { id }) => {
    const before = readKullFields(reg, id);
    deleteKull(reg, id);
    recordStep(reg, 'kull', 'Slett kull', [{ id, before, after: null }]);
    return { id };
  },
} satisfies Partial<HandlerMap>;
