import type { z } from 'zod';
import { DEFAULT_SETTINGS, type Settings, settings as settingsSchema } from '../../shared/schema/settings';
import { logChanges } from './changelog';
import type { Register } from './connection';
import { prepared } from './statements';

/**
 * The stored settings over the defaults. A value damaged outside the app (not JSON, wrong kind)
 * falls back to its own default and leaves the other settings as they are.
 */
export function getSettings(reg: Register): Settings {
  const rows = prepared(reg.db, 'SELECT nokkel, verdi FROM innstilling').all() as { nokkel: string; verdi: string }[];
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = settingsSchema.shape as Record<string, z.ZodType>;
  for (const row of rows) {
    const field = Object.hasOwn(shape, row.nokkel) ? shape[row.nokkel] : undefined;
    if (!field) continue;
    let value: unknown;
    try {
      value = JSON.parse(row.verdi);
    } catch {
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) result[row.nokkel] = parsed.data;
  }
  return result as Settings;
}

export function updateSettings(reg: Register, changes: Partial<Settings>): Settings {
  reg.db.transaction(() => {
    const before = getSettings(reg);
    const upsert = prepared(
      reg.db,
      'INSERT INTO innstilling (nokkel, verdi) VALUES (?, ?) ON CONFLICT(nokkel) DO UPDATE SET verdi = excluded.verdi',
    );
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      upsert.run(key, JSON.stringify(value));
      logChanges(reg, 'innstilling', 0, { [key]: before[key as keyof Settings] }, { [key]: value });
    }
  })();
  return getSettings(reg);
}
