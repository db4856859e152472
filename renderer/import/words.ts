/** Numbers and counted words as the wizard writes them: «1 248 rader», «1 rad», «3 kull». */
import type { ImportKind } from '../../shared/mapping';

export function count(n: number): string {
  return n.toLocaleString('nb-NO');
}

export function rader(n: number): string {
  return `${count(n)} ${n === 1 ? 'rad' : 'rader'}`;
}

/** «1 deltaker», «2 deltakere», «3 kull». */
export function things(kind: ImportKind, n: number): string {
  if (kind === 'kull') return `${count(n)} kull`;
  return `${count(n)} ${n === 1 ? 'deltaker' : 'deltakere'}`;
}

/** «linje 3, 7 og 12» (at most `max` numbers, then «med flere»). */
export function lineList(lines: readonly number[], max = 12): string {
  const shown = lines.slice(0, max).map(String);
  if (lines.length > max) return `${shown.join(', ')} med flere`;
  if (shown.length < 2) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} og ${shown.at(-1)}`;
}
