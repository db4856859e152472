/**
 * Schema version 1. Kept as SQL text in a TypeScript module (not a `.sql` file) so that Node,
 * Vitest, tsx (the CLI) and the bundled Electron main process all load it the same way, with no
 * copy step at packaging time.
 */
export const migration001 = /* sql */ `
CREATE TABLE kull (
  id INTEGER PRIMARY KEY,
  navn TEXT NOT NULL COLLATE NOCASE UNIQUE,
  startdato TEXT NOT NULL,
  planlagt_sluttdato TEXT,
  kapasitet INTEGER CHECK (kapasitet IS NULL OR kapasitet >= 0),
  merknad TEXT
);

CREATE TABLE deltaker (
  id INTEGER PRIMARY KEY,
  kull_id INTEGER REFERENCES kull(id) ON DELETE RESTRICT,
  navn TEXT NOT NULL,
  fodselsar INTEGER,
  kjonn TEXT,
  landbakgrunn TEXT,
  henvist_fra TEXT,
  ytelse TEXT,
  henvist_dato TEXT,
  startdato TEXT,
  brukersted TEXT,
  veileder TEXT,
  forlenget_til TEXT,
  sluttdato TEXT,
  avslutning TEXT,
  sluttarsak TEXT,
  dropout_arsak TEXT,
  ansatt_hos_brukersted INTEGER,
  i_arbeid_etter_6_mnd TEXT,
  merknad TEXT
);
CREATE INDEX deltaker_kull ON deltaker(kull_id);
CREATE INDEX deltaker_henvist ON deltaker(henvist_dato);
CREATE INDEX deltaker_start ON deltaker(startdato);
CREATE INDEX deltaker_slutt ON deltaker(sluttdato);

-- The editable lists (henvist_fra, brukersted, dropout_arsak, veileder). Deltakere store the
-- value's text; a value in use is hidden, never deleted.
CREATE TABLE kodeverdi (
  liste TEXT NOT NULL,
  verdi TEXT NOT NULL COLLATE NOCASE,
  skjult INTEGER NOT NULL DEFAULT 0,
  rekkefolge INTEGER NOT NULL,
  PRIMARY KEY (liste, verdi)
);

CREATE TABLE innstilling (
  nokkel TEXT PRIMARY KEY,
  verdi TEXT NOT NULL
);

-- Every change made through the API: when, who (OS user), which table, row and field, old and new.
CREATE TABLE endringslogg (
  id INTEGER PRIMARY KEY,
  tid TEXT NOT NULL,
  bruker TEXT NOT NULL,
  tabell TEXT NOT NULL,
  rad_id INTEGER NOT NULL,
  felt TEXT NOT NULL,
  gammel TEXT,
  ny TEXT
);
CREATE INDEX endringslogg_rad ON endringslogg(tabell, rad_id);
`;
