/**
 * Schema version 5: follow-up after exit (arsrapport.md «Oppfølging»). The twelve-month follow-up
 * beside the six-month one, and the date of the mid-term evaluation at the placement (Sykkelvert).
 * Both are nullable: an older register's rows simply have not been followed up yet.
 */
export const migration005 = /* sql */ `
ALTER TABLE deltaker ADD COLUMN i_arbeid_etter_12_mnd TEXT;
ALTER TABLE deltaker ADD COLUMN midtevaluering_dato TEXT;
`;
