import { deltakerChanges, deltakerNames, deltakerRows } from '../store/lookup';
import type { HandlerMap } from './types';

export const lookupHandlers = {
  'deltaker:names': (reg, { ids }) => deltakerNames(reg, ids),
  'deltaker:rows': (reg, { ids }) => deltakerRows(reg, ids),
  'deltaker:changes': (reg, { since }) => deltakerChanges(reg, since),
} satisfies Partial<HandlerMap>;
