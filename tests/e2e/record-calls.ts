/**
 * Records every call that reaches the real handlers from the page (the bridge looks a handler up at
 * each call, so wrapping the map's entries sees them all). `stop()` puts the handlers back.
 */
import { handlers } from '../../electron/api/handlers';

export type Calls = { channel: string; input: unknown; at: number }[];

export function recordCalls(): { calls: Calls; stop: () => void; count: (channel: string) => number } {
  const calls: Calls = [];
  const table = handlers as unknown as Record<string, (reg: unknown, input: unknown) => unknown>;
  const originals = { ...table };
  for (const [channel, handler] of Object.entries(originals)) {
    table[channel] = (reg, input) => {
      calls.push({ channel, input, at: performance.now() });
      return handler(reg, input);
    };
  }
  return {
    calls,
    stop: () => Object.assign(table, originals),
    count: (channel) => calls.filter((c) => c.channel === channel).length,
  };
}
