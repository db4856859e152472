import { describe, expect, it } from 'vitest';
import { AVSLUTNING, SLUTTARSAK } from '../../../shared/codes';
import { ROW_RULES, type RuleKey, rowWarnings, ruleTitle } from '../../../shared/rules';
import type { DeltakerFields } from '../../../shared/schema/deltaker';
import { aDeltaker, aDeltakerInWork } from '../helpers/builders';
import { expectNorwegianMessage } from '../helpers/messages';

function flags(d: DeltakerFields): RuleKey[] {
  return rowWarnings(d).map((w) => w.rule);
}

describe('a row that follows every rule is not flagged', () => {
  it.each<[string, DeltakerFields]>([
    ['a referred deltaker who has not started', aDeltaker({ startdato: null })],
    ['an active deltaker', aDeltaker()],
    ['a deltaker without any dates', aDeltaker({ henvist_dato: null, startdato: null })],
    ['planmessig avsluttet to work, followed up after 6 months', aDeltakerInWork({ i_arbeid_etter_6_mnd: 'ja' })],
    ['planmessig avsluttet to part-time work', aDeltakerInWork({ sluttarsak: 'AD', i_arbeid_etter_6_mnd: 'nei' })],
    ['planmessig avsluttet to education', aDeltakerInWork({ sluttarsak: 'UT' })],
    ['a drop-out with a reason', aDeltaker({ sluttdato: '2026-03-01', avslutning: 'DROP', dropout_arsak: 'Rus' })],
    ['a no-show without startdato', aDeltaker({ startdato: null, sluttdato: '2026-02-01', avslutning: 'IKKE' })],
    [
      'a withdrawn referral without startdato',
      aDeltaker({ startdato: null, sluttdato: '2026-01-20', avslutning: 'UAKT' }),
    ],
    ['a deltaker who moved out of the kommune', aDeltaker({ sluttdato: '2026-04-01', avslutning: 'FLK' })],
    ['a deltaker who moved to another bydel', aDeltaker({ sluttdato: '2026-04-01', avslutning: 'FLB' })],
    ['an extended deltaker', aDeltaker({ forlenget_til: '2026-08-01' })],
  ])('%s', (_what, d) => {
    expect(rowWarnings(d)).toEqual([]);
  });

  it('every planmessig avsluttet with any sluttårsak and its sluttdato passes', () => {
    for (const { code } of SLUTTARSAK) {
      expect(flags(aDeltakerInWork({ sluttarsak: code }))).toEqual([]);
    }
  });
});

describe('henvist_dato ≤ startdato ≤ sluttdato', () => {
  it('flags a henvist_dato after startdato', () => {
    expect(flags(aDeltaker({ henvist_dato: '2026-02-03', startdato: '2026-02-02' }))).toEqual(['henvist_etter_start']);
  });

  it('does not flag referral and start on the same day', () => {
    expect(flags(aDeltaker({ henvist_dato: '2026-02-02', startdato: '2026-02-02' }))).toEqual([]);
  });

  it('does not compare when one of the dates is missing', () => {
    expect(flags(aDeltaker({ henvist_dato: null }))).toEqual([]);
    expect(flags(aDeltaker({ henvist_dato: '2026-09-01', startdato: null }))).toEqual([]);
  });

  it('flags a startdato after sluttdato', () => {
    expect(flags(aDeltakerInWork({ startdato: '2026-05-30', sluttdato: '2026-05-29' }))).toEqual(['start_etter_slutt']);
  });

  it('does not flag start and end on the same day', () => {
    expect(flags(aDeltakerInWork({ startdato: '2026-05-29', sluttdato: '2026-05-29' }))).toEqual([]);
  });

  it('compares dates as dates across months and years, not as d.m text', () => {
    expect(flags(aDeltaker({ henvist_dato: '2025-12-31', startdato: '2026-01-01' }))).toEqual([]);
    expect(flags(aDeltaker({ henvist_dato: '2026-01-10', startdato: '2026-01-09' }))).toEqual(['henvist_etter_start']);
  });
});

describe('forlenget_til ≥ startdato', () => {
  it('flags an extension that ends before the start', () => {
    expect(flags(aDeltaker({ forlenget_til: '2026-02-01' }))).toEqual(['forlenget_for_start']);
  });

  it('does not flag an extension ending on the start day', () => {
    expect(flags(aDeltaker({ forlenget_til: '2026-02-02' }))).toEqual([]);
  });

  it('does not flag an extension when there is no startdato to compare with', () => {
    expect(flags(aDeltaker({ startdato: null, forlenget_til: '2025-01-01' }))).toEqual([]);
  });
});

describe('avslutning set ⇔ sluttdato set', () => {
  it('flags an avslutning without sluttdato', () => {
    expect(flags(aDeltaker({ avslutning: 'FLK' }))).toEqual(['sluttdato_mangler']);
  });

  it('flags a sluttdato without avslutning', () => {
    expect(flags(aDeltaker({ sluttdato: '2026-04-01' }))).toEqual(['avslutning_mangler']);
  });

  it('does not flag a row with neither', () => {
    expect(flags(aDeltaker({ avslutning: null, sluttdato: null }))).toEqual([]);
  });
});

describe('sluttarsak set ⇔ avslutning = PLAN', () => {
  it('flags planmessig avsluttet without sluttårsak', () => {
    expect(flags(aDeltakerInWork({ sluttarsak: null }))).toEqual(['sluttarsak_mangler']);
  });

  it.each(AVSLUTNING.filter((a) => a.code !== 'PLAN').map((a) => a.code))(
    'flags a sluttårsak with avslutning %s',
    (avslutning) => {
      const d = aDeltaker({ sluttdato: '2026-04-01', avslutning, sluttarsak: 'UT' });
      expect(flags(d)).toContain('sluttarsak_uten_plan');
    },
  );

  it('flags a sluttårsak on a deltaker who has not ended at all', () => {
    expect(flags(aDeltaker({ sluttarsak: 'A' }))).toEqual(['sluttarsak_uten_plan']);
  });
});

describe('dropout_arsak only with DROP', () => {
  it('flags a drop-out reason on a planmessig avsluttet row', () => {
    expect(flags(aDeltakerInWork({ dropout_arsak: 'Rus' }))).toEqual(['dropout_arsak_uten_drop']);
  });

  it('flags a drop-out reason on a deltaker who is still active', () => {
    expect(flags(aDeltaker({ dropout_arsak: 'Helseutfordringer' }))).toEqual(['dropout_arsak_uten_drop']);
  });

  it('does not flag a drop-out without a reason (the spec asks only that a reason goes with DROP)', () => {
    expect(flags(aDeltaker({ sluttdato: '2026-03-01', avslutning: 'DROP', dropout_arsak: null }))).toEqual([]);
  });
});

describe('IKKE and UAKT have no startdato', () => {
  it.each(['IKKE', 'UAKT'])('flags a startdato on %s', (avslutning) => {
    expect(flags(aDeltaker({ sluttdato: '2026-03-01', avslutning }))).toEqual(['startdato_ved_ikke_startet']);
  });

  it.each(['DROP', 'FLK', 'FLB'])('does not flag a startdato on %s, who did start', (avslutning) => {
    const d = aDeltaker({ sluttdato: '2026-03-01', avslutning, dropout_arsak: avslutning === 'DROP' ? 'Rus' : null });
    expect(flags(d)).toEqual([]);
  });
});

describe('i_arbeid_etter_6_mnd only with sluttarsak A or AD', () => {
  it.each(['ja', 'nei', 'ukjent'])('flags follow-up «%s» after education', (svar) => {
    expect(flags(aDeltakerInWork({ sluttarsak: 'UT', i_arbeid_etter_6_mnd: svar }))).toEqual([
      'oppfolging_uten_arbeid',
    ]);
  });

  it('flags follow-up on a deltaker who has not ended', () => {
    expect(flags(aDeltaker({ i_arbeid_etter_6_mnd: 'ja' }))).toEqual(['oppfolging_uten_arbeid']);
  });

  it.each(['A', 'AD'])('does not flag follow-up after sluttårsak %s', (sluttarsak) => {
    expect(flags(aDeltakerInWork({ sluttarsak, i_arbeid_etter_6_mnd: 'ukjent' }))).toEqual([]);
  });
});

describe('i_arbeid_etter_12_mnd only with sluttarsak A or AD, like the 6-month follow-up', () => {
  it.each(['ja', 'nei', 'ukjent'])('flags follow-up «%s» after education', (svar) => {
    expect(flags(aDeltakerInWork({ sluttarsak: 'UT', i_arbeid_etter_12_mnd: svar }))).toEqual([
      'oppfolging_12_uten_arbeid',
    ]);
  });

  it('flags a 12-month follow-up on a deltaker who has not ended', () => {
    expect(flags(aDeltaker({ i_arbeid_etter_12_mnd: 'nei' }))).toEqual(['oppfolging_12_uten_arbeid']);
  });

  it('flags both follow-ups, each under its own rule', () => {
    expect(flags(aDeltaker({ i_arbeid_etter_6_mnd: 'ja', i_arbeid_etter_12_mnd: 'ja' }))).toEqual([
      'oppfolging_uten_arbeid',
      'oppfolging_12_uten_arbeid',
    ]);
  });

  it.each(['A', 'AD'])('does not flag a 12-month follow-up after sluttårsak %s', (sluttarsak) => {
    expect(flags(aDeltakerInWork({ sluttarsak, i_arbeid_etter_12_mnd: 'ja' }))).toEqual([]);
  });
});

describe('a start more than 6 months after referral is flagged (sosialtjenesteloven § 31)', () => {
  it('does not flag a start exactly 6 months after referral', () => {
    expect(flags(aDeltaker({ henvist_dato: '2026-01-05', startdato: '2026-07-05' }))).toEqual([]);
  });

  it('flags a start one day later than 6 months, saying how many days it took', () => {
    const warnings = rowWarnings(aDeltaker({ henvist_dato: '2026-01-05', startdato: '2026-07-06' }));
    expect(warnings.map((w) => w.rule)).toEqual(['ventetid_over_6_mnd']);
    expect(warnings[0]?.message).toContain('182 dager');
    expect(warnings[0]?.message).toContain('§ 31');
  });

  it('counts 6 months from 31 August as ending on the last day of February', () => {
    expect(flags(aDeltaker({ henvist_dato: '2025-08-31', startdato: '2026-02-28' }))).toEqual([]);
    expect(flags(aDeltaker({ henvist_dato: '2025-08-31', startdato: '2026-03-01' }))).toEqual(['ventetid_over_6_mnd']);
  });

  it('does not flag a long wait that has not ended in a start yet', () => {
    expect(flags(aDeltaker({ henvist_dato: '2025-01-01', startdato: null }))).toEqual([]);
  });
});

describe('the rule table', () => {
  it('lists several broken rules of one row in the table order', () => {
    const d = aDeltaker({
      henvist_dato: '2026-03-01',
      startdato: '2026-02-01',
      avslutning: 'IKKE',
      sluttarsak: 'A',
      dropout_arsak: 'Rus',
    });
    expect(flags(d)).toEqual([
      'henvist_etter_start',
      'sluttdato_mangler',
      'sluttarsak_uten_plan',
      'dropout_arsak_uten_drop',
      'startdato_ved_ikke_startet',
    ]);
  });

  it('has one rule per key, each with a Norwegian title and message', () => {
    const keys = ROW_RULES.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(12);
    const broken = aDeltaker({ henvist_dato: '2020-01-01', startdato: '2026-02-02' });
    for (const rule of ROW_RULES) {
      expectNorwegianMessage(rule.title);
      expectNorwegianMessage(rule.message(broken));
      expect(ruleTitle(rule.key)).toBe(rule.title);
    }
  });

  it('falls back to the key when asked for the title of an unknown rule', () => {
    expect(ruleTitle('ukjent_regel' as RuleKey)).toBe('ukjent_regel');
  });
});
