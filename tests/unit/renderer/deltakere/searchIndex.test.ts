import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../../renderer/deltakere/searchIndex';
import { type Deltaker, emptyDeltakerFields } from '../../../../shared/schema/deltaker';

const row = (id: number, fields: Partial<Deltaker>): Deltaker =>
  ({ ...emptyDeltakerFields(), id, ...fields }) as Deltaker;

describe('the Deltakere search box', () => {
  const kari = row(1, { navn: 'Kari Nordmann', kull_id: 7, startdato: '2026-03-02', veileder: 'Anne Berg' });
  const ola = row(2, { navn: 'Ola Hansen', landbakgrunn: 'Syria' });

  it('every word must be in the row as its cells show it: names, kull names, dd.mm.yyyy, status', () => {
    const index = new SearchIndex((id) => (id === 7 ? 'Vår 2026' : `Kull ${id}`));
    index.add([kari, ola]);
    expect(index.setQuery('kari  vår')).toBe(true);
    expect([index.matches(kari), index.matches(ola)]).toEqual([true, false]);
    index.setQuery('02.03.2026');
    expect(index.matches(kari)).toBe(true);
    index.setQuery('henvist syria');
    expect([index.matches(kari), index.matches(ola)]).toEqual([false, true]);
    index.setQuery('aktiv');
    expect([index.matches(kari), index.matches(ola)]).toEqual([true, false]);
  });

  it('the same words again change nothing; no words match every row', () => {
    const index = new SearchIndex(() => '');
    expect(index.setQuery('  ')).toBe(false);
    expect(index.isActive()).toBe(false);
    expect(index.matches(ola)).toBe(true);
    expect(index.setQuery('Ola')).toBe(true);
    expect(index.setQuery('ola ')).toBe(false);
  });

  it('an edited row (a new object) is read again; a reset reads kull names again', () => {
    let name = 'Vår 2026';
    const index = new SearchIndex(() => name);
    index.add([kari]);
    index.setQuery('høst');
    expect(index.matches(kari)).toBe(false);
    name = 'Høst 2026';
    expect(index.matches(kari)).toBe(false);
    index.reset();
    expect(index.matches(kari)).toBe(true);
    const edited = { ...ola, veileder: 'Høst Hansen' };
    expect(index.matches(edited)).toBe(true);
  });
});
