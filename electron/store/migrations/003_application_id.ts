/**
 * Schema version 3: the register says what it is. `PRAGMA application_id` ("KREG", store/recognise.ts)
 * is written into the file's header, so the app recognises a register from its first 100 bytes,
 * before any write, and refuses another program's SQLite file untouched (docs/safety.md). A new
 * register gets it at creation (this migration runs there too); older ones when they are upgraded.
 */
export const migration003 = /* sql */ `
PRAGMA application_id = 1263682887;
`;
