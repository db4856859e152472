import { createDeltaker, deleteDeltakere, listDeltakere, updateDeltaker } from '../store/deltakere';
import type { HandlerMap } from './types';

export const deltakerHandlers = {
  'deltaker:list': (reg, { kull }) => listDeltakere(reg, kull),
  'deltaker:create': (reg, input) => createDeltaker(reg, input),
  'deltaker:update': (reg, { id, changes }) => updateDeltaker(reg, id, changes),
  'deltaker:delete': (reg, { ids }) => ({ deleted: deleteDeltakere(reg, ids) }),
} satisfies Partial<HandlerMap>;
