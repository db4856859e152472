import { createKull, deleteKull, listKull, updateKull } from '../store/kull';
import type { HandlerMap } from './types';

export const kullHandlers = {
  'kull:list': (reg) => listKull(reg),
  'kull:create': (reg, input) => createKull(reg, input),
  'kull:update': (reg, { id, changes }) => updateKull(reg, id, changes),
  'kull:delete': (reg, { id }) => {
    deleteKull(reg, id);
    return { id };
  },
} satisfies Partial<HandlerMap>;
