/**
 * A full disk (SQLite's max_page_count set just above the file's size): an import fails as a whole
 * with a Norwegian message, and the register is as it was, byte for byte.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { commitImport, planImport } from '../../../electron/io/import';
import { readTable } from '../../../electron/io/table';
import { DomainError } from '../../../electron/store/errors';
import { aDeltaker } from '../helpers/builders';
import { expectNorwegianMessage, expectRefused } from '../helpers/messages';
import { countRows, fileBytes } from '../helpers/register';
import { tempSession } from './helpers';

const DEMO = path.resolve('resources/demo');

describe('a full disk', () => {
  it('makes an import fail cleanly, with a Norwegian message, changing nothing', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    commitImport(reg, planImport(reg, 'kull', await readTable(path.join(DEMO, 'sykkelvert-kull.csv'))));
    const before = fileBytes(t.registerPath);
    const rows = {
      deltaker: countRows(reg, 'deltaker'),
      log: countRows(reg, 'endringslogg'),
      lists: countRows(reg, 'kodeverdi'),
    };

    const pages = reg.db.pragma('page_count', { simple: true }) as number;
    reg.db.pragma(`max_page_count = ${pages + 2}`);
    const plan = planImport(reg, 'deltakere', await readTable(path.join(DEMO, 'sykkelvert-deltakere.csv')));
    expect(plan.valid.length).toBeGreaterThan(100);

    let caught: unknown;
    try {
      commitImport(reg, plan);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('disk_full');
    expectNorwegianMessage((caught as DomainError).message);

    expect({
      deltaker: countRows(reg, 'deltaker'),
      log: countRows(reg, 'endringslogg'),
      lists: countRows(reg, 'kodeverdi'),
    }).toEqual(rows);
    expect(reg.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(fileBytes(t.registerPath).equals(before)).toBe(true);

    // A single edit through the API is refused the same way.
    const big = aDeltaker({ merknad: 'x'.repeat(1900) });
    let refused = invoke(reg, 'deltaker:create', big);
    for (let i = 0; i < 20 && refused.ok; i++) refused = invoke(reg, 'deltaker:create', big);
    expectRefused(refused, 'disk_full');
  });
});
