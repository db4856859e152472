/**
 * The web pages the app may open in the user's browser (electron/app/window.ts → shell.openExternal):
 * https only, and only on the hosts listed here — the one list of them. Everything else (http:, file:,
 * a custom scheme that starts another program, a look-alike host, a URL with a user name in it) is
 * refused and logged. A link added to the app gets its host added here; tests/unit/shared checks
 * that every https link in renderer/ is on the list and that the list names no host the app does
 * not link to.
 */
export const EXTERNAL_HOSTS: readonly string[] = [];

/** True when `url` is an https address on one of `hosts` (exact host names, no subdomain wildcards). */
export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.port !== '') return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}
