import fc from 'fast-check';
import { isKnownTimeZone, zonedTimeToUtc, zoneOffsetMinutes } from './time-zone';

describe('zonedTimeToUtc', () => {
  it('converts Paris summer time (UTC+2) and winter time (UTC+1)', () => {
    expect(zonedTimeToUtc('2015-07-09', '14:00', 'Europe/Paris').toISOString()).toBe(
      '2015-07-09T12:00:00.000Z',
    );
    expect(zonedTimeToUtc('2016-01-14', '14:00', 'Europe/Paris').toISOString()).toBe(
      '2016-01-14T13:00:00.000Z',
    );
  });

  it('handles the days of the change, other hemispheres and odd offsets', () => {
    // Paris switches to summer time at 01:00Z on 2015-03-29 and back at 01:00Z on 2015-10-25.
    expect(zonedTimeToUtc('2015-03-29', '14:00', 'Europe/Paris').toISOString()).toBe(
      '2015-03-29T12:00:00.000Z',
    );
    expect(zonedTimeToUtc('2015-10-25', '14:00', 'Europe/Paris').toISOString()).toBe(
      '2015-10-25T13:00:00.000Z',
    );
    expect(zonedTimeToUtc('2015-07-09', '09:30', 'America/New_York').toISOString()).toBe(
      '2015-07-09T13:30:00.000Z',
    );
    expect(zonedTimeToUtc('2015-07-09', '09:30', 'Australia/Sydney').toISOString()).toBe(
      '2015-07-08T23:30:00.000Z',
    );
    expect(zonedTimeToUtc('2015-07-09', '09:30', 'Asia/Kathmandu').toISOString()).toBe(
      '2015-07-09T03:45:00.000Z',
    );
    expect(zonedTimeToUtc('2015-07-09', '09:30', 'UTC').toISOString()).toBe('2015-07-09T09:30:00.000Z');
  });

  it('takes a time skipped by the spring change at the offset in force before it', () => {
    // 02:30 does not exist in Paris on 2015-03-29: read at UTC+1 it is 01:30Z (03:30 summer time).
    expect(zonedTimeToUtc('2015-03-29', '02:30', 'Europe/Paris').toISOString()).toBe(
      '2015-03-29T01:30:00.000Z',
    );
  });

  const zones = [
    'Europe/Paris',
    'Europe/London',
    'America/New_York',
    'America/Sao_Paulo',
    'America/St_Johns',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Pacific/Auckland',
    'Africa/Casablanca',
  ];

  it('reads back the same wall clock in the zone, for any date and daytime (property)', () => {
    const wallClock = (instant: Date, timeZone: string) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(instant);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2037-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 6 * 60, max: 22 * 60 }),
        (zone, day, minutes) => {
          const date = day.toISOString().slice(0, 10);
          const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const utc = zonedTimeToUtc(date, time, zone);
          expect(wallClock(utc, zone)).toBe(`${date} ${time}`);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('zoneOffsetMinutes', () => {
  it('gives the offset in force at an instant', () => {
    expect(zoneOffsetMinutes(new Date('2015-07-09T12:00:00Z'), 'Europe/Paris')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2015-01-09T12:00:00Z'), 'Europe/Paris')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2015-01-09T12:00:00Z'), 'America/St_Johns')).toBe(-210);
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA zones and rejects made-up ones', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
