/**
 * The one handler map behind every transport (Electron IPC, the end-to-end test bridge, the CLI),
 * and the wrapper that validates each input against the contract before any data is touched.
 */
import { type ApiError, type Channel, contract, type Input, type Output, type Result } from '../../shared/api';
import { sessionOf } from '../register/session';
import type { Register } from '../store/connection';
import { DomainError } from '../store/errors';
import { appHandlers } from './app';
import { arsrapportHandlers } from './arsrapport';
import { codeHandlers } from './codes';
import { deltakerHandlers } from './deltakere';
import { invalidInput, toApiError } from './errors';
import { gridHandlers } from './grid';
import { historyHandlers } from './history';
import { importHandlers, importRefusal } from './import';
import { kullHandlers } from './kull';
import { lookupHandlers } from './lookup';
import { oppfolgingHandlers } from './oppfolging';
import { privacyHandlers } from './privacy';
import { registerHandlers } from './register';
import { reportHandlers } from './report';
import { safetyHandlers } from './safety';
import { samleHandlers } from './samlerapport';
import type { AsyncChannel, HandlerMap } from './types';

export const handlers: HandlerMap = {
  ...registerHandlers,
  ...kullHandlers,
  ...deltakerHandlers,
  ...lookupHandlers,
  ...codeHandlers,
  ...safetyHandlers,
  ...historyHandlers,
  ...privacyHandlers,
  ...reportHandlers,
  ...samleHandlers,
  ...appHandlers,
  ...importHandlers,
  ...gridHandlers,
  ...oppfolgingHandlers,
  ...arsrapportHandlers,
};

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * Validates, runs and wraps one call. Never throws (nor rejects): every failure is a Norwegian message.
 * The few asynchronous channels (types.ts) may answer with a promise of the result; every transport
 * awaits the answer anyway. (A caller typed with the whole `Channel` union sees the synchronous type.)
 */
export function invoke<C extends AsyncChannel>(
  reg: Register,
  channel: C,
  input: unknown,
): Result<Output<C>> | Promise<Result<Output<C>>>;
export function invoke<C extends Channel>(reg: Register, channel: C, input: unknown): Result<Output<C>>;
export function invoke<C extends Channel>(
  reg: Register,
  channel: C,
  input: unknown,
): Result<Output<C>> | Promise<Result<Output<C>>> {
  try {
    return validateAndRun(reg, channel, input);
  } catch (error) {
    // Reached only by inputs no transport can send (getters that throw); still a refusal, not a crash.
    return { ok: false, error: toApiError(error) };
  }
}

function validateAndRun<C extends Channel>(
  reg: Register,
  channel: C,
  input: unknown,
): Result<Output<C>> | Promise<Result<Output<C>>> {
  if (!isChannel(channel)) {
    const given: unknown = channel;
    const name = typeof given === 'string' && given !== '' ? ` «${given.slice(0, 100)}»` : '';
    return { ok: false, error: { code: 'unknown_channel', message: `Ukjent funksjon${name}. Oppdater programmet.` } };
  }
  const parsed = contract[channel].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, { nameField: true }) };
  const refusal = contract[channel].writes ? writeRefusal(reg, channel) : null;
  if (refusal) return { ok: false, error: refusal };
  try {
    const handler = handlers[channel] as (reg: Register, input: unknown) => Output<C> | Promise<Output<C>>;
    const value = handler(reg, parsed.data);
    if (value instanceof Promise) {
      return value.then(
        (settled): Result<Output<C>> => ({ ok: true, value: settled }),
        (error: unknown): Result<Output<C>> => ({ ok: false, error: toApiError(error) }),
      );
    }
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

/** Typed convenience for Node callers (CLI, tests): throws the API error as a DomainError. */
export function call<C extends Exclude<Channel, AsyncChannel>>(reg: Register, channel: C, input: Input<C>): Output<C> {
  const result = invoke(reg, channel, input);
  if (!result.ok) throw new DomainError(result.error.code, result.error.message, result.error.field);
  return result.value;
}

/**
 * Why a channel that writes (its contract entry says `writes: true`) may not run now; null when it
 * may. Channels that do not write run on a read-only register and are never refused for a lost lock.
 */
function writeRefusal(reg: Register, channel: Channel): ApiError | null {
  // Another user may have taken the lock over since the last write (register/lock.ts).
  const lost = sessionOf(reg)?.writeRefusal();
  if (lost) return lost;
  if (reg.readOnly) {
    return { code: 'read_only', message: 'Registeret er åpnet skrivebeskyttet. Endringen ble ikke lagret.' };
  }
  // A running import holds a transaction open between its slices: other writes wait (api/import.ts).
  return importRefusal(reg, channel);
}
