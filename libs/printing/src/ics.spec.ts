import ical, { type VEvent } from 'node-ical';
import { meetingUid, renderClusterIcs, slug } from './ics';
import { PrintInputError } from './options';
import { makeCluster, makeEvent, makeSchedule } from './testing/factories';

function events(ics: string): VEvent[] {
  return Object.values(ical.sync.parseICS(ics))
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

function event(date: string) {
  return makeEvent({
    event: { date, name: 'Journée Interclustering — Clermont-Ferrand', tables: 3 },
    clusters: [
      makeCluster({ id: 'aei', name: 'Auvergne Efficience Industrielle' }),
      makeCluster({
        id: 'mbi',
        name: 'Mont-Blanc Industries',
        kind: 'pôle de compétitivité',
        region: 'Rhône-Alpes',
      }),
      makeCluster({ id: 'tic', name: 'Auvergne TIC' }),
    ],
    wishes: [
      { from: 'aei', to: 'mbi', rank: 1 },
      { from: 'mbi', to: 'aei', rank: 2 },
      { from: 'tic', to: 'aei', rank: 1 },
    ],
  });
}

describe('renderClusterIcs', () => {
  const generatedAt = new Date('2015-07-01T08:30:00Z');

  it('gives one event per meeting at the right instants on a summer date (UTC+2)', () => {
    const e = event('2015-07-09');
    const s = makeSchedule(e, {
      meetings: [
        { slot: 0, table: 1, clusters: ['aei', 'mbi'] },
        { slot: 2, table: 3, clusters: ['tic', 'aei'] },
      ],
    });
    const [first, second] = events(renderClusterIcs(e, s, { clusterId: 'aei', generatedAt, version: 4 }));
    expect(first.start.toISOString()).toBe('2015-07-09T12:00:00.000Z');
    expect(first.end?.toISOString()).toBe('2015-07-09T12:20:00.000Z');
    expect(second.start.toISOString()).toBe('2015-07-09T12:50:00.000Z');
    expect(first.summary).toBe('Rendez-vous : Mont-Blanc Industries (table 1)');
    expect(first.location).toBe('Hôtel de Région Auvergne, Clermont-Ferrand — table 1');
    expect(first.description).toContain('Souhait mutuel');
    expect(first.description).toContain('pôle de compétitivité · Rhône-Alpes');
    expect(second.summary).toBe('Rendez-vous : Auvergne TIC (table 3)');
    expect(second.description).toContain('Souhait du partenaire');
    expect(first.uid).toBe('2015-07-09-journee-interclustering-clermont-ferrand-aei-mbi@interclustering');
    expect(Number(first.sequence)).toBe(4);
    expect(first.dtstamp.toISOString()).toBe('2015-07-01T08:30:00.000Z');
  });

  it('gives the right instants on a winter date (UTC+1)', () => {
    const e = event('2016-01-14');
    const s = makeSchedule(e, { meetings: [{ slot: 0, table: 2, clusters: ['mbi', 'aei'] }] });
    const [only] = events(renderClusterIcs(e, s, { clusterId: 'mbi', generatedAt, lang: 'en' }));
    expect(only.start.toISOString()).toBe('2016-01-14T13:00:00.000Z');
    expect(only.end?.toISOString()).toBe('2016-01-14T13:20:00.000Z');
    expect(only.summary).toBe('Meeting: Auvergne Efficience Industrielle (table 2)');
    expect(only.description).toContain('Mutual wish');
  });

  it('keeps the UIDs when a re-published schedule moves a meeting, so calendars update it', () => {
    const e = event('2015-07-09');
    const before = makeSchedule(e, { meetings: [{ slot: 0, table: 1, clusters: ['aei', 'mbi'] }] });
    const after = makeSchedule(e, { meetings: [{ slot: 2, table: 3, clusters: ['mbi', 'aei'] }] });
    const [a] = events(renderClusterIcs(e, before, { clusterId: 'aei', version: 1 }));
    const [b] = events(renderClusterIcs(e, after, { clusterId: 'aei', version: 2 }));
    expect(b.uid).toBe(a.uid);
    expect(b.start.getTime()).not.toBe(a.start.getTime());
    expect(Number(b.sequence)).toBeGreaterThan(Number(a.sequence));
    // The partner's calendar names the same meeting with the same UID.
    const [partner] = events(renderClusterIcs(e, after, { clusterId: 'mbi' }));
    expect(partner.uid).toBe(a.uid);
    expect(meetingUid(e, 'mbi', 'aei')).toBe(a.uid);
  });

  it('converts in the event’s own time zone', () => {
    const e = event('2015-07-09');
    e.event.timezone = 'America/New_York';
    const s = makeSchedule(e, { meetings: [{ slot: 0, table: 1, clusters: ['aei', 'mbi'] }] });
    const [only] = events(renderClusterIcs(e, s, { clusterId: 'aei' }));
    expect(only.start.toISOString()).toBe('2015-07-09T18:00:00.000Z');
  });

  it('is an empty but valid calendar for a cluster without meetings, and needs a cluster', () => {
    const e = event('2015-07-09');
    const s = makeSchedule(e);
    const ics = renderClusterIcs(e, s, { clusterId: 'tic' });
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(events(ics)).toEqual([]);
    expect(() => renderClusterIcs(e, s, {})).toThrow(PrintInputError);
    expect(() => renderClusterIcs(e, s, { clusterId: 'zzz' })).toThrow('clusterId: unknown cluster "zzz"');
  });
});

describe('slug', () => {
  it('keeps ASCII letters and digits only', () => {
    expect(slug('Journée Interclustering — Clermont-Ferrand')).toBe(
      'journee-interclustering-clermont-ferrand',
    );
    expect(slug('  Œuvre & Çà  ')).toBe('uvre-ca');
  });
});
