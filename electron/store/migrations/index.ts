import { migration001 } from './001_init';
import { migration002 } from './002_hendelse';
import { migration003 } from './003_application_id';
import { migration004 } from './004_sletteliste';
import { migration005 } from './005_oppfolging';

/** Numbered migrations: index i brings a file from user_version i to i + 1. Append only. */
export const MIGRATIONS: readonly string[] = [migration001, migration002, migration003, migration004, migration005];

export const SCHEMA_VERSION = MIGRATIONS.length;
