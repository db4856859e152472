/** How many follow-ups are due now: the number on the «Å følge opp» tab, read again when `signal` changes. */
import { useEffect, useState } from 'react';
import { invoke } from '../bridge';

export function useDueCount(signal: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signal` is the signal to count again.
  useEffect(() => {
    let current = true;
    void invoke('oppfolging:list', {}).then((result) => {
      if (current && result.ok) setCount(result.value.lines.length);
    });
    return () => {
      current = false;
    };
  }, [signal]);
  return count;
}
