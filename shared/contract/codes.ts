import { z } from 'zod';
import { codeLists, editableListKey, listValue } from '../schema/codelist';
import type { ChannelTable } from './channel';

export const codeChannels = {
  /** The editable code lists with use counts. */
  'codes:list': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: codeLists,
  },
  /** Add a value to an editable list. */
  'codes:add': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ list: editableListKey, verdi: listValue }),
    result: codeLists,
  },
  /** Rename a value; every deltaker that uses it follows. */
  'codes:rename': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ list: editableListKey, fra: z.string(), til: listValue }),
    result: codeLists,
  },
  /** Hide a value from the dropdowns (it stays on the rows that use it) or show it again. */
  'codes:setHidden': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ list: editableListKey, verdi: z.string(), skjult: z.boolean() }),
    result: codeLists,
  },
  /** Put a list's values in a new order. */
  'codes:reorder': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ list: editableListKey, verdier: z.array(z.string()) }),
    result: codeLists,
  },
} as const satisfies ChannelTable;
