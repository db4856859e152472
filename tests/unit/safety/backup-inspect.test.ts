/**
 * What the restore dialog says a restore would undo (backup:inspect), on real files: changes are
 * counted from the backup's newest endringslogg entry, so work saved in the same second as the
 * backup, but before it, is not counted as lost.
 */
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { aDeltaker } from '../helpers/builders';
import { expectOk } from '../helpers/messages';
import { tempSession } from './helpers';

describe('backup:inspect', () => {
  it('counts only what was saved after the backup, even within the same second', async () => {
    const now = new Date('2026-11-02T09:00:00Z'); // one clock second for everything below
    const t = tempSession({ now: () => now, dailyBackup: false });
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error(`expected open, got ${outcome.status}`);
    const reg = outcome.register;
    expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Før kopien' })));
    const backup = expectOk(await invoke(reg, 'backup:create', {}));
    const added = expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Etter kopien' }))).deltaker;
    expectOk(invoke(reg, 'deltaker:update', { id: added.id, changes: { landbakgrunn: 'Somalia' } }));

    const seen = expectOk(invoke(reg, 'backup:inspect', { name: backup.name }));
    expect(seen.backup).toMatchObject({ deltakere: 1, kull: 0 });
    expect(seen.current).toMatchObject({ deltakere: 2, kull: 0 });
    expect(seen.changesSince.rowsAdded).toBe(1);
    expect(seen.changesSince.entries).toBeGreaterThan(1); // the new row's fields, then the edit
    expect(seen.current.lastChangeId).toBeGreaterThan(seen.backup.lastChangeId);
    t.session.close();
  });
});
