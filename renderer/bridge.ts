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

export async function invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  try {
    return await window.kullregister.invoke(channel, input);
  } catch (error) {
    // The bridge itself failed (the main process is gone, a transport error): say so in Norwegian.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'bridge', message: `Fikk ikke kontakt med registeret. Prøv igjen. (${detail})` },
    };
  }
}
