/** «Å følge opp»: the due list with what the screen shows of each deltaker (names: in the app only). */
import { DomainError } from '../store/errors';
import { loadDueList } from '../store/oppfolging';
import type { HandlerMap } from './types';

export const oppfolgingHandlers = {
  'oppfolging:list': (reg, { today }) => {
    const list = loadDueList(reg, today);
    const lines = list.items.map((item) => {
      const d = list.deltakere.get(item.deltaker_id);
      if (!d) throw new DomainError('internal', 'Listen kunne ikke lages. Prøv igjen.');
      return {
        ...item,
        navn: d.navn,
        kull: d.kull_id === null ? null : (list.kullNames.get(d.kull_id) ?? null),
        brukersted: d.brukersted,
        startdato: d.startdato,
        sluttdato: d.sluttdato,
      };
    });
    const count = (kind: string) => lines.filter((l) => l.kind === kind).length;
    return {
      today: list.today,
      from: list.from,
      to: list.to,
      lines,
      counts: { seks: count('seks'), tolv: count('tolv'), midtevaluering: count('midtevaluering') },
    };
  },
} satisfies Partial<HandlerMap>;
