/**
 * The renderer's only way to the register: `window.kullregister.invoke`, put there by the Electron
 * preload (or by the end-to-end test bridge). Typed against the contract in shared/api.ts.
 */
import type { ApiError, Bridge, Channel, Input, Output, Result } from '../shared/api';

declare global {
  interface Window {
    kullregister: Bridge;
  }
}

export type { ApiError, Result };

/** Refusals that say something about the whole register, not one edit: the app re-reads its safety status. */
const REGISTER_STATE_CODES: ReadonlySet<string> = new Set(['lock_lost', 'read_only', 'not_open']);
type RefusalListener = (error: ApiError, channel: Channel) => void;
const refusalListeners = new Set<RefusalListener>();

/** Hears every refusal of the kind above (the read-only banner uses it); returns the unsubscribe. */
export function onRegisterStateRefusal(listener: RefusalListener): () => void {
  refusalListeners.add(listener);
  return () => refusalListeners.delete(listener);
}

export async function invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  try {
    const result = await window.kullregister.invoke(channel, input);
    if (!result.ok && REGISTER_STATE_CODES.has(result.error.code)) {
      for (const listener of refusalListeners) listener(result.error, channel);
    }
    return result;
  } catch (error) {
    // The bridge itself failed (the main process is gone, a transport error): say so in Norwegian.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'bridge', message: `Fikk ikke kontakt med registeret. Prøv igjen. (${detail})` },
    };
  }
}
