/**
 * A refusal the user can act on. Handlers turn it into `{ ok: false, error }`; the message is
 * Norwegian and says what to do.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly field: string | undefined;

  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}
