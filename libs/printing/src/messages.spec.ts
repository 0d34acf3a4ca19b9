import { formatEventDate, formatInstant, messages, unmetReasonText } from './messages';

describe('formatEventDate', () => {
  it('writes the date out in French by default', () => {
    expect(formatEventDate('2015-07-09')).toBe('jeudi 9 juillet 2015');
    expect(formatEventDate('2016-02-29', 'fr')).toBe('lundi 29 février 2016');
  });

  it('writes the date out in English', () => {
    expect(formatEventDate('2015-07-09', 'en')).toBe('Thursday, 9 July 2015');
  });

  it('never shifts the day whatever the machine time zone (the date only)', () => {
    expect(formatEventDate('2015-01-01')).toBe('jeudi 1 janvier 2015');
    expect(formatEventDate('2015-12-31')).toBe('jeudi 31 décembre 2015');
  });
});

describe('formatInstant', () => {
  it('shows the generation time on the event’s wall clock', () => {
    const instant = new Date('2015-07-01T08:30:00Z');
    expect(formatInstant(instant, 'Europe/Paris', 'fr')).toBe('1 juillet 2015 à 10:30');
    expect(formatInstant(instant, 'Europe/Paris', 'en')).toBe('1 July 2015 at 10:30');
  });
});

describe('unmetReasonText', () => {
  const ctx = { from: 'Auvergne TIC', to: 'Minalogic', max: 3 };

  it('translates every reason code into both languages, naming the partner where it matters', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const code of Object.keys(messages(lang).reasons) as (keyof ReturnType<
        typeof messages
      >['reasons'])[]) {
        const text = unmetReasonText(lang, code, 'English fallback', ctx);
        expect(text).not.toBe('English fallback');
        expect(text.length).toBeGreaterThan(5);
      }
    }
    expect(unmetReasonText('fr', 'partner-at-cap', 'x', ctx)).toBe('Minalogic a déjà ses 3 rendez-vous');
    expect(unmetReasonText('en', 'partner-at-cap', 'x', ctx)).toBe('Minalogic already has its 3 meetings');
    expect(unmetReasonText('fr', 'no-common-slot', 'x', ctx)).toContain('Minalogic');
  });

  it('falls back to the schedule’s English reason without a code', () => {
    expect(unmetReasonText('fr', undefined, 'Minalogic already has 3 meetings', ctx)).toBe(
      'Minalogic already has 3 meetings',
    );
  });
});
