import { addListValue, allCodeLists, renameListValue, reorderList, setListValueHidden } from '../store/codes';
import type { HandlerMap } from './types';

export const codeHandlers = {
  'codes:list': (reg) => allCodeLists(reg),
  'codes:add': (reg, { list, verdi }) => {
    addListValue(reg, list, verdi);
    return allCodeLists(reg);
  },
  'codes:rename': (reg, { list, fra, til }) => {
    renameListValue(reg, list, fra, til);
    return allCodeLists(reg);
  },
  'codes:setHidden': (reg, { list, verdi, skjult }) => {
    setListValueHidden(reg, list, verdi, skjult);
    return allCodeLists(reg);
  },
  'codes:reorder': (reg, { list, verdier }) => {
    reorderList(reg, list, verdier);
    return allCodeLists(reg);
  },
} satisfies Partial<HandlerMap>;
