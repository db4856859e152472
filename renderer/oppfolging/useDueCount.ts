/** How many follow-ups are due now: the number on the «Å følge opp» tab, read again when `signal` changes. */
import { useEffect, useState } from 'react';
import { invoke } from '../bridge';
import { afterFirstScreen } from '../firstScreen';

export function useDueCount(signal: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signal` is the signal to count again.
  useEffect(() => {
    let current = true;
    // Not while the first screen is drawn (firstScreen.ts): it reads every deltaker too.
    void afterFirstScreen().then(async () => {
      if (!current) return;
      const result = await invoke('oppfolging:list', {});
      if (current && result.ok) setCount(result.value.lines.length);
    });
    return () => {
      current = false;
    };
  }, [signal]);
  return count;
}
