/**
 * How every transport answers a refusal: a thrown error through the one mapping of SQLite's and
 * Node's errors (store/errors.ts `userError`), and an input the contract refused, with zod's English
 * leftovers said in Norwegian. The handler map (handlers.ts) and the channels that work with no
 * register open (app.ts) both answer through these two.
 */
import type { z } from 'zod';
import type { ApiError } from '../../shared/api';
import { userError } from '../store/errors';

export function toApiError(thrown: unknown): ApiError {
  const error = userError(thrown);
  return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
}

/**
 * The first problem zod found. The field is named; `nameField` also puts it before the message
 * («navn: Navn kan ikke være tomt.») for screens that show the message away from the field.
 */
export function invalidInput(error: z.ZodError, options: { nameField: boolean }): ApiError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const message = issue
    ? `${field && options.nameField ? `${field}: ` : ''}${norwegianIssue(issue.message)}`
    : 'Ugyldige data.';
  return { code: 'invalid_input', message, ...(field ? { field } : {}) };
}

/** zod's own messages are English; ours (in the schemas) are Norwegian. Translate the common leftovers. */
function norwegianIssue(message: string): string {
  if (/^Invalid input: expected \w+, received undefined/.test(message)) return 'Mangler verdi.';
  if (/^Invalid input: expected (\w+), received (\w+)/.test(message)) return 'Feil type verdi.';
  if (/^Invalid/.test(message)) return 'Ugyldig verdi.';
  if (/^Too (big|small)/.test(message)) return 'Verdien er utenfor tillatt område.';
  if (/^Unrecognized key/.test(message)) return 'Ukjent felt.';
  return message;
}
