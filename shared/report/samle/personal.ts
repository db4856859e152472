/**
 * What makes a file "look like personal data" for the samlerapport (samlerapport.md, "Refusals"): a
 * key anywhere in the tree that names a person, a deltaker id, a birth year or date, or a national
 * identity number; or a text that is an 11-digit fødselsnummer. The one `navn` a report file holds
 * by design is a kull's name (sections.kull.lines[].navn): kull names are not personal data.
 */

/** Keys folded: lower case, æøå spelled out, no spaces, dashes or underscores. */
const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  'navn',
  'name',
  'fornavn',
  'etternavn',
  'fulltnavn',
  'firstname',
  'lastname',
  'fullname',
  'deltakerid',
  'deltakerids',
  'deltakernavn',
  'personid',
  'fodselsar',
  'fodselsaar',
  'fodselsdato',
  'fodt',
  'birthyear',
  'birthdate',
  'dateofbirth',
  'dob',
  'fodselsnummer',
  'personnummer',
  'fnr',
  'ssn',
]);

export function foldKey(key: string): string {
  return key
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .replaceAll('oe', 'o')
    .replace(/[\s_\-.]/g, '');
}

/** 11 digits, maybe with a space after the date part: the shape of a Norwegian fødselsnummer. */
const FODSELSNUMMER = /(^|\D)\d{6} ?\d{5}(\D|$)/;

/** Whether `path` (keys and array positions) ends in a kull line's name, the one allowed `navn`. */
function isKullName(path: readonly (string | number)[]): boolean {
  const n = path.length;
  return (
    n >= 5 &&
    typeof path[n - 1] === 'number' &&
    path[n - 2] === 'lines' &&
    path[n - 3] === 'kull' &&
    path[n - 4] === 'sections'
  );
}

/** Folded keys already judged: a file repeats the same few dozen keys thousands of times. */
const judged = new Map<string, boolean>();

function isPersonalKey(key: string): boolean {
  let personal = judged.get(key);
  if (personal === undefined) {
    personal = PERSONAL_KEYS.has(foldKey(key));
    if (judged.size < 10_000) judged.set(key, personal);
  }
  return personal;
}

/**
 * The first sign of personal data in a parsed JSON value, described without repeating any of it
 * (`feltet «navn»`, `noe som ligner et fødselsnummer`); null when there is none.
 */
export function findPersonalData(value: unknown): string | null {
  // `path` holds the keys and array positions down to the value being looked at (push/pop, no copies).
  const path: (string | number)[] = [];
  const visit = (current: unknown): string | null => {
    if (typeof current === 'string') {
      // The checksum is hex: 11 digits in a row are common there and mean nothing.
      if (!(path.length === 1 && path[0] === 'checksum') && FODSELSNUMMER.test(current)) {
        return 'noe som ligner et fødselsnummer';
      }
      return null;
    }
    if (typeof current !== 'object' || current === null) return null;
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) {
        path.push(i);
        const found = visit(current[i]);
        path.pop();
        if (found !== null) return found;
      }
      return null;
    }
    for (const key in current) {
      if (!Object.hasOwn(current, key)) continue;
      if (isPersonalKey(key) && !(key === 'navn' && isKullName(path))) return `feltet «${key.slice(0, 40)}»`;
      path.push(key);
      const found = visit((current as Record<string, unknown>)[key]);
      path.pop();
      if (found !== null) return found;
    }
    return null;
  };
  return visit(value);
}
