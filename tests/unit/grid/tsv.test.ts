import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../shared/tsv';

describe('reading a block pasted from a spreadsheet (parseTsv)', () => {
  it('splits Excel’s Windows lines and tabs, and drops the line break Excel puts after the last row', () => {
    expect(parseTsv('Kari\t1990\r\nOla\t1985\r\n')).toEqual([
      ['Kari', '1990'],
      ['Ola', '1985'],
    ]);
  });

  it('reads LibreOffice’s and the web’s \\n lines the same way', () => {
    expect(parseTsv('Kari\t1990\nOla\t1985\n')).toEqual([
      ['Kari', '1990'],
      ['Ola', '1985'],
    ]);
  });

  it('keeps a quoted cell’s line breaks, tabs and doubled quotes inside the cell', () => {
    const text = 'Kari\t"Første linje\nandre linje"\r\nOla\t"Kafé ""Mat & prat""\tEngen"\r\n';
    expect(parseTsv(text)).toEqual([
      ['Kari', 'Første linje\nandre linje'],
      ['Ola', 'Kafé "Mat & prat"\tEngen'],
    ]);
  });

  it('turns a Windows line break inside a quoted cell into the \\n the grid stores', () => {
    expect(parseTsv('"a\r\nb"\tc\r\n')).toEqual([['a\nb', 'c']]);
  });

  it('drops every trailing empty line, but keeps empty cells and empty lines in the middle', () => {
    expect(parseTsv('a\t\tc\r\n\r\n\td\r\n\r\n\r\n')).toEqual([['a', '', 'c'], [''], ['', 'd']]);
  });

  it('keeps ragged rows (web tables) as they are: a missing cell is not an empty one', () => {
    expect(parseTsv('a\tb\tc\nd\n')).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('reads a web cell that only starts with a quote as text, not as a broken quoted cell', () => {
    expect(parseTsv('"Mat & prat" kafé\tEngen\nNorA\tNAV\n')).toEqual([
      ['"Mat & prat" kafé', 'Engen'],
      ['NorA', 'NAV'],
    ]);
  });

  it('gives one empty cell for a copied empty cell, and nothing for an empty clipboard', () => {
    expect(parseTsv('\r\n')).toEqual([['']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('reads a single value without a line break', () => {
    expect(parseTsv('NAV Årstad')).toEqual([['NAV Årstad']]);
  });

  it('reads a 1 MB paste quickly and exactly', () => {
    const row = (i: number) => [
      `Deltaker ${i}`,
      String(1950 + (i % 50)),
      'K',
      '"merknad med\nlinjeskift"',
      'NAV Årstad',
    ];
    const lines: string[] = [];
    let size = 0;
    let i = 0;
    while (size < 1_000_000) {
      const line = row(i++).join('\t');
      lines.push(line);
      size += line.length + 2;
    }
    const text = `${lines.join('\r\n')}\r\n`;
    const started = performance.now();
    const block = parseTsv(text);
    const elapsed = performance.now() - started;
    expect(block).toHaveLength(i);
    expect(block[i - 1]).toEqual([
      `Deltaker ${i - 1}`,
      String(1950 + ((i - 1) % 50)),
      'K',
      'merknad med\nlinjeskift',
      'NAV Årstad',
    ]);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('writing a block for the clipboard (toTsv)', () => {
  it('writes tabs and CRLF after every row, as Excel does', () => {
    expect(
      toTsv([
        ['Kari', '1990'],
        ['Ola', ''],
      ]),
    ).toBe('Kari\t1990\r\nOla\t\r\n');
  });

  it('quotes only cells with a tab, a line break or a quote, doubling the quotes', () => {
    expect(toTsv([['a\nb', 'c\td', 'Kafé "Engen"', 'vanlig']])).toBe('"a\nb"\t"c\td"\t"Kafé ""Engen"""\tvanlig\r\n');
  });

  it('reads back exactly what it wrote', () => {
    const block = [
      ['Kari Nordmann', '01.03.2026', 'Første\nandre', ''],
      ['"sitat"', 'tab\ther', 'Ås', 'x'],
    ];
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
});
