import { migration001 } from './001_init';
import { migration002 } from './002_hendelse';
import { migration003 } from './003_oppfolging';

/** Numbered migrations: index i brings a file from user_version i to i + 1. Append only. */
export const MIGRATIONS: readonly string[] = [migration001, migration002, migration003];

export const SCHEMA_VERSION = MIGRATIONS.length;
