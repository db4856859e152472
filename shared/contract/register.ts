import { z } from 'zod';
import { settings } from '../schema/settings';

export const registerChannels = {
  /** Where the open register lives and which schema version it has. */
  'register:info': {
    input: z.object({}),
    result: z.object({ path: z.string(), schemaVersion: z.number().int(), readOnly: z.boolean() }),
  },
  /** The register's settings (tiltak, avdeling … for the report header). */
  'settings:get': { input: z.object({}), result: settings },
  /** Change some settings. */
  'settings:update': { input: settings.partial(), result: settings },
} as const;
