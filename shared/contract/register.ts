import { z } from 'zod';
import { settings } from '../schema/settings';
import type { ChannelTable } from './channel';

export const registerChannels = {
  /** Where the open register lives and which schema version it has. */
  'register:info': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: z.object({ path: z.string(), schemaVersion: z.number().int(), readOnly: z.boolean() }),
  },
  /** The register's settings (tiltak, avdeling … for the report header). */
  'settings:get': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: settings,
  },
  /** Change some settings. */
  'settings:update': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: settings.partial(),
    result: settings,
  },
} as const satisfies ChannelTable;
