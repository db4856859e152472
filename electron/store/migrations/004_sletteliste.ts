/**
 * Schema version 4: the list of erasures («sletteliste»). Every «Slett for godt» and every
 * anonymisation is recorded here with its time, its kind and the row numbers it covered — never a
 * name or any other field of the person — so that the same erasure can be applied again to a copy
 * that still holds the person: every backup, and the register after a restore (store/erasure.ts,
 * docs/safety.md «An erasure holds»). `kopier_ferdig` is 1 once every backup the app knows of has
 * been cleaned; an erasure interrupted before that is finished when the register is next opened.
 */
export const migration004 = /* sql */ `
CREATE TABLE sletteliste (
  id INTEGER PRIMARY KEY,
  tid TEXT NOT NULL,
  hva TEXT NOT NULL CHECK (hva IN ('sletting', 'anonymisering')),
  rader TEXT NOT NULL,
  kopier_ferdig INTEGER NOT NULL DEFAULT 0
);
`;
