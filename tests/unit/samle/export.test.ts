/**
 * The tiltak's side: «Lagre for samlerapport» (report:export with format kullrapport) and the
 * Rapport screen's XLSX, through the API's handlers on a real register; both read back as the same
 * report file, holding the month and hittil i år, and no name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { readSources } from '../../../electron/io/kullrapport';
import { updateSettings } from '../../../electron/store/settings';
import { expectRefused } from '../helpers/messages';
import { tempDir, tempRegister } from '../helpers/register';
import { SECRET_NAMES, tiltakRegister } from './registers';

describe('report:export for the samlerapport', () => {
  it('a month gives the month and hittil i år, as .kullrapport.json and in the XLSX hidden sheet', async () => {
    const dir = tempDir();
    const reg = tiltakRegister(dir, 'Mat & prat', 2);
    const month = { from: '2026-10-01', to: '2026-10-31', monthly: true };
    const json = path.join(dir, 'Mat & prat 2026-10-01–2026-10-31.kullrapport.json');
    const xlsx = path.join(dir, 'rapport-2026-10.xlsx');
    expect(await invoke(reg, 'report:export', { ...month, format: 'kullrapport', path: json })).toMatchObject({
      ok: true,
    });
    expect(await invoke(reg, 'report:export', { ...month, format: 'xlsx', path: xlsx })).toMatchObject({ ok: true });
    const [fromJson, fromXlsx] = await readSources([json, xlsx]);
    if (!fromJson?.checked.ok || !fromXlsx?.checked.ok) throw new Error('both files must read back');
    const file = fromJson.checked.file;
    expect(file.register).toEqual({
      tiltak: 'Mat & prat',
      avdeling: 'Ny sjanse',
      kontaktperson: 'Kontakt 2',
      opptak: 'kull',
    });
    expect(file.periods.map((p) => [p.from, p.to])).toEqual([
      ['2026-10-01', '2026-10-31'],
      ['2026-01-01', '2026-10-31'],
    ]);
    expect(file.periods[0]?.sections.ventetid).toMatchObject({ count: 1, sum_days: 7, days: { '7': 1 } });
    expect(file.periods[0]?.datakvalitet.every((d) => Object.keys(d).join() === 'rule,count')).toBe(true);
    expect(fromXlsx.checked.file.periods).toEqual(file.periods);
    const text = fs.readFileSync(json, 'utf8');
    for (const name of SECRET_NAMES) expect(text).not.toContain(name);
    expect(text).not.toContain('deltaker_ids');
  });

  it('a free period gives that one period; January once', async () => {
    const dir = tempDir();
    const reg = tiltakRegister(dir, 'Sykkelvert', 1);
    const file = path.join(dir, 'a.kullrapport.json');
    await invoke(reg, 'report:export', { from: '2026-03-05', to: '2026-04-20', format: 'kullrapport', path: file });
    const jan = path.join(dir, 'b.kullrapport.json');
    await invoke(reg, 'report:export', { from: '2026-01-01', to: '2026-01-31', format: 'kullrapport', path: jan });
    const [free, january] = await readSources([file, jan]);
    expect(free?.checked.ok && free.checked.file.periods.map((p) => p.from)).toEqual(['2026-03-05']);
    expect(january?.checked.ok && january.checked.file.periods.map((p) => p.to)).toEqual(['2026-01-31']);
  });

  it('a register without a tiltak name is refused, nothing written', async () => {
    const { reg } = tempRegister();
    updateSettings(reg, { tiltak: '' });
    const file = path.join(tempDir(), 'x.kullrapport.json');
    const result = await invoke(reg, 'report:export', {
      from: '2026-10-01',
      to: '2026-10-31',
      format: 'kullrapport',
      path: file,
    });
    expect(expectRefused(result, 'no_tiltak').message).toMatch(/tiltaksnavn.*Innstillinger/);
    expect(fs.existsSync(file)).toBe(false);
  });
});
