import { describe, expect, it } from 'vitest';
import { createKull } from '../../../electron/store/kull';
import { getSettings, updateSettings } from '../../../electron/store/settings';
import { DEFAULT_SETTINGS } from '../../../shared/schema/settings';
import { aKull } from '../helpers/builders';
import { tempRegister } from '../helpers/register';

describe('register settings', () => {
  it('start as the defaults in a new register', () => {
    const { reg } = tempRegister();
    expect(getSettings(reg)).toEqual(DEFAULT_SETTINGS);
  });

  it('change only what is given, and keep the change after reopening', () => {
    const handle = tempRegister();
    const after = updateSettings(handle.reg, { tiltak: 'Sykkelvert', avdeling: 'Etat for sykehjem' });
    expect(after).toEqual({ ...DEFAULT_SETTINGS, tiltak: 'Sykkelvert', avdeling: 'Etat for sykehjem' });
    updateSettings(handle.reg, { opptak: 'lopende' });
    expect(getSettings(handle.reopen())).toEqual({
      ...DEFAULT_SETTINGS,
      tiltak: 'Sykkelvert',
      avdeling: 'Etat for sykehjem',
      opptak: 'lopende',
    });
  });

  it('store Norwegian letters and quotes exactly', () => {
    const handle = tempRegister();
    updateSettings(handle.reg, { kontaktperson: 'Åse «Ø» Ærlig "sjef"' });
    expect(getSettings(handle.reopen()).kontaktperson).toBe('Åse «Ø» Ærlig "sjef"');
  });

  it('keep the other settings when one stored value was damaged outside the app', () => {
    const { reg } = tempRegister();
    updateSettings(reg, { tiltak: 'Mat & prat', kull_lengde_mnd: 6 });
    reg.db.prepare("UPDATE innstilling SET verdi = '{ikke json' WHERE nokkel = 'tiltak'").run();
    expect(getSettings(reg)).toEqual({ ...DEFAULT_SETTINGS, kull_lengde_mnd: 6 });
    expect(createKull(reg, aKull({ startdato: '2026-01-01' })).planlagt_sluttdato).toBe('2026-07-01');
  });

  it('fall back to the default for a stored value of the wrong kind, keeping the rest', () => {
    const { reg } = tempRegister();
    updateSettings(reg, { tiltak: 'NorA' });
    reg.db.prepare("INSERT INTO innstilling (nokkel, verdi) VALUES ('kull_lengde_mnd', '\"tre\"')").run();
    expect(getSettings(reg)).toEqual({ ...DEFAULT_SETTINGS, tiltak: 'NorA' });
  });
});
