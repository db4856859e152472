/**
 * Schema version 2: the hendelse log. Register-level events that are not a field change — privacy
 * actions (anonymisering, sletting, innsyn), restores from a backup, a lock taken over — with who,
 * on which machine and when. A hendelse never holds a deltaker's name or other data about a
 * deltaker beyond the row number (docs/safety.md), so scrubbing a person never has to touch it.
 */
export const migration002 = /* sql */ `
CREATE TABLE hendelse (
  id INTEGER PRIMARY KEY,
  tid TEXT NOT NULL,
  bruker TEXT NOT NULL,
  maskin TEXT NOT NULL,
  hva TEXT NOT NULL,
  antall INTEGER,
  beskrivelse TEXT NOT NULL
);
CREATE INDEX hendelse_tid ON hendelse(tid);
`;
