import { describe, expect, it } from 'vitest';
import { printedMessage, savedMessage } from '../../../../renderer/ui/reportOutput';

describe('what the report screens say after saving or printing', () => {
  it('names the file saved, without its folder, and its size', () => {
    expect(
      savedMessage({ saved: true, path: 'C:\\Users\\kari\\Dokumenter\\rapport-2021-10.pdf', bytes: 86_016 }),
    ).toEqual({
      tone: 'ok',
      text: 'Lagret rapport-2021-10.pdf (84 kB).',
    });
    expect(savedMessage({ saved: true, path: '/home/kari/arsrapport-2018-2022.csv', bytes: 900 }).text).toBe(
      'Lagret arsrapport-2018-2022.csv (900 byte).',
    );
  });

  it('says nothing was saved when the dialog was closed', () => {
    expect(savedMessage({ saved: false, path: null, bytes: 0 })).toEqual({ tone: 'info', text: 'Ikke lagret.' });
  });

  it('says whether the report went to the printer', () => {
    expect(printedMessage({ printed: true }).text).toBe('Sendt til skriveren.');
    expect(printedMessage({ printed: false })).toEqual({ tone: 'info', text: 'Utskriften ble avbrutt.' });
  });
});
