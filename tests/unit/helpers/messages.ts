/**
 * What every refusal must look like to a user: a Norwegian sentence, never zod's or SQLite's English.
 */
import { expect } from 'vitest';
import type { Result } from '../../../shared/api';

const ENGLISH = [
  /\bInvalid\b/,
  /\bexpected\b/,
  /\breceived\b/,
  /\bToo (big|small)\b/,
  /\bUnrecognized\b/,
  /\bRequired\b/,
  /SQLITE_/,
  /constraint failed/i,
  /\bundefined\b/,
  /\[object Object\]/,
];

/** The message is non-empty, reads as a sentence, and carries none of the libraries' English. */
export function expectNorwegianMessage(message: string): void {
  expect(message.trim().length).toBeGreaterThan(0);
  for (const pattern of ENGLISH) expect(message).not.toMatch(pattern);
}

/** The call was refused with the given code and a Norwegian message; returns the error. */
export function expectRefused<T>(result: Result<T>, code?: string): { code: string; message: string; field?: string } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  if (code !== undefined) expect(result.error.code).toBe(code);
  expectNorwegianMessage(result.error.message);
  return result.error;
}

/** The call succeeded; returns its value. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
