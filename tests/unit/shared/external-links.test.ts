import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_HOSTS, isAllowedExternalUrl } from '../../../shared/external-links';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const HOSTS = ['www.nav.no', 'lovdata.no'];

describe('which web pages the app opens in the browser (shell.openExternal)', () => {
  it('opens https pages on a listed host', () => {
    expect(isAllowedExternalUrl('https://www.nav.no/', HOSTS)).toBe(true);
    expect(isAllowedExternalUrl('https://lovdata.no/dokument/NL/lov/2018-06-15-38?q=personvern#x', HOSTS)).toBe(true);
    expect(isAllowedExternalUrl('https://WWW.NAV.NO/arbeid', HOSTS)).toBe(true);
  });

  it('refuses every other URL: other schemes, other hosts, look-alikes, credentials, ports, garbage', () => {
    for (const url of [
      'http://www.nav.no/', // not https
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share/evil.exe',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://kullregister/index.html',
      'https://evil.example/',
      'https://www.nav.no.evil.example/', // a look-alike suffix
      'https://evilwww.nav.no/',
      'https://sub.lovdata.no/', // no subdomain wildcards
      'https://www.nav.no@evil.example/', // the host is evil.example
      'https://user:pass@www.nav.no/',
      'https://www.nav.no:8443/',
      'not a url',
      '',
    ])
      expect(isAllowedExternalUrl(url, HOSTS), url).toBe(false);
  });

  it('the shipped list is https host names only, and the default list refuses what is not on it', () => {
    for (const host of EXTERNAL_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    expect(isAllowedExternalUrl('https://evil.example/')).toBe(false);
  });

  it('the list is exactly the hosts the renderer links to (a new link needs its host listed)', () => {
    const linked = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(tsx?|md|html)$/.test(entry.name))
          for (const match of fs.readFileSync(file, 'utf8').matchAll(/https:\/\/([a-z0-9.-]+)/gi))
            linked.add((match[1] as string).toLowerCase());
      }
    };
    walk(path.join(ROOT, 'renderer'));
    linked.delete('www.w3.org'); // SVG namespaces, not links
    expect([...linked].sort()).toEqual([...EXTERNAL_HOSTS].sort());
  });
});
