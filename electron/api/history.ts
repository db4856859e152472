import { listHendelser } from '../store/hendelser';
import { rowHistory } from '../store/history';
import type { HandlerMap } from './types';

export const historyHandlers = {
  'history:list': (reg, { table, id }) =>
    rowHistory(reg, table, id).map(({ tid, bruker, felt, gammel, ny }) => ({ tid, bruker, felt, gammel, ny })),
  'hendelse:list': (reg) => listHendelser(reg),
} satisfies Partial<HandlerMap>;
