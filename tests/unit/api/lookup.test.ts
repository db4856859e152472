import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { type Channel, contract, type Input } from '../../../shared/api';
import { deltakereOfPage } from '../../../shared/contract/deltaker';
import { aDeltaker } from '../helpers/builders';
import { expectOk, expectRefused } from '../helpers/messages';
import { tempRegister } from '../helpers/register';

function send<C extends Channel>(reg: Parameters<typeof invoke>[0], channel: C, input: Input<C>) {
  const result = invoke(reg, channel, input);
  if (result.ok) expect(contract[channel].result.safeParse(result.value).success).toBe(true);
  return result;
}

describe('deltakere looked up by id', () => {
  it('deltaker:names names only the ids asked for, leaving out ids that are gone', () => {
    const { reg } = tempRegister();
    const kari = expectOk(send(reg, 'deltaker:create', aDeltaker({ navn: 'Kari' }))).deltaker;
    expectOk(send(reg, 'deltaker:create', aDeltaker({ navn: 'Ola' })));
    const per = expectOk(send(reg, 'deltaker:create', aDeltaker({ navn: 'Per' }))).deltaker;
    expect(expectOk(send(reg, 'deltaker:names', { ids: [per.id, kari.id, 9999] }))).toEqual([
      { id: kari.id, navn: 'Kari' },
      { id: per.id, navn: 'Per' },
    ]);
    expect(expectOk(send(reg, 'deltaker:names', { ids: [] }))).toEqual([]);
  });

  it('deltaker:names refuses more than 5,000 ids in one call, saying what to do', () => {
    const { reg } = tempRegister();
    const ids = Array.from({ length: 5_001 }, (_, i) => i + 1);
    expect(expectRefused(send(reg, 'deltaker:names', { ids })).message).toContain('høyst 5000');
  });

  it('deltaker:rows gives the rows as deltaker:page does', () => {
    const { reg } = tempRegister();
    const kari = expectOk(send(reg, 'deltaker:create', aDeltaker({ navn: 'Kari', ansatt_hos_brukersted: true })));
    const page = expectOk(send(reg, 'deltaker:rows', { ids: [kari.deltaker.id] }));
    expect(deltakereOfPage(page)).toEqual([kari.deltaker]);
  });

  it('deltaker:changes lists the deltakere changed, added or deleted since a mark', () => {
    const { reg } = tempRegister();
    const kari = expectOk(send(reg, 'deltaker:create', aDeltaker({ navn: 'Kari' }))).deltaker;
    const ola = expectOk(send(reg, 'deltaker:create', aDeltaker({ navn: 'Ola' }))).deltaker;
    const first = expectOk(send(reg, 'deltaker:changes', { since: null }));
    expect(first).toMatchObject({ total: 2, ids: null });
    expect(expectOk(send(reg, 'deltaker:changes', { since: first.mark }))).toMatchObject({ ids: [], total: 2 });

    expectOk(send(reg, 'deltaker:update', { id: ola.id, changes: { merknad: 'Ny' } }));
    expectOk(send(reg, 'deltaker:delete', { ids: [kari.id] }));
    const per = expectOk(send(reg, 'deltaker:create', aDeltaker({ navn: 'Per' }))).deltaker;
    const later = expectOk(send(reg, 'deltaker:changes', { since: first.mark }));
    expect(later.ids).toEqual([kari.id, ola.id, per.id]);
    expect(later.total).toBe(2);
    expect(later.mark).toBeGreaterThan(first.mark);
    expect(later.register).toBe(first.register);
  });

  it('deltaker:changes tells one opened register from another, even the same file opened again', () => {
    const handle = tempRegister();
    const before = expectOk(send(handle.reg, 'deltaker:changes', { since: null }));
    const again = handle.reopen();
    expect(expectOk(send(again, 'deltaker:changes', { since: null })).register).not.toBe(before.register);
  });
});
