/**
 * Every text AG Grid Community asks for by key has a Norwegian text in LOCALE_TEXT: the keys are
 * read from the grid's own bundle (its calls `…("key", "English default")` and its tables of filter
 * and month names), so an upgrade that adds a text fails here instead of showing English.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// biome-ignore lint/style/noRestrictedImports: the grid's texts are plain data (no DOM, no React).
import { LOCALE_TEXT } from '../../../renderer/grid/locale';

function gridKeys(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const main = require.resolve('ag-grid-community');
  const bundle = fs.readFileSync(path.join(path.dirname(main), 'main.esm.mjs'), 'utf8');
  const keys = new Map<string, string>();
  const call =
    /(?:translate|localeTextFunc|getLocaleTextFunc\(\)|Func\(\)|_translate\w*|translateFn|localeText|t)\(\s*"([a-zA-Z0-9]+)"\s*,\s*[`"]((?:[^"`\\]|\\.)*)[`"]/g;
  for (const m of bundle.matchAll(call)) if (!keys.has(m[1]!)) keys.set(m[1]!, m[2]!);
  for (const table of ['FILTER_LOCALE_TEXT', 'MONTH_LOCALE_TEXT']) {
    const start = bundle.indexOf(`${table} = {`);
    expect(start, table).toBeGreaterThan(0);
    const text = bundle.slice(start, bundle.indexOf('};', start));
    for (const m of text.matchAll(/(\w+):\s*"([^"]*)"/g)) if (!keys.has(m[1]!)) keys.set(m[1]!, m[2]!);
  }
  // Event names caught by the pattern above, not texts.
  for (const notText of ['movingChanged', 'headerHighlightChanged', 'filterChanged']) keys.delete(notText);
  return keys;
}

describe('the grid in Norwegian', () => {
  it('has a Norwegian text for every key AG Grid asks for', () => {
    const keys = gridKeys();
    expect(keys.size).toBeGreaterThan(140);
    expect(keys.get('noMatchingRows')).toBe('No Matching Rows');
    const missing = [...keys.keys()].filter((key) => !(key in LOCALE_TEXT));
    expect(missing).toEqual([]);
  });

  it('leaves no English default in place, and writes numbers and dates the Norwegian way', () => {
    for (const [key, english] of gridKeys()) {
      if (english.length > 3 && /[a-z]{3}/.test(english) && english !== 'august' && english !== 'september') {
        expect(LOCALE_TEXT[key], key).not.toBe(english);
      }
    }
    expect(LOCALE_TEXT.noMatchingRows).toBe('Ingen rader passer til filteret');
    expect(LOCALE_TEXT.thousandSeparator).toBe('\u00a0');
    expect(LOCALE_TEXT.decimalSeparator).toBe(',');
    expect(LOCALE_TEXT.dateFormatOoo).toBe('dd.mm.åååå');
  });
});
