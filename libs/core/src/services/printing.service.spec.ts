import fc from 'fast-check';
import type { EventFile, ScheduleFile } from '@app/scheduling';
import { makeEvent, makeSchedule, meeting, mutualWish } from '@app/scheduling/testing';
import { DomainError } from '../domain/errors';
import type { Actor, EventRecord } from '../domain/model';
import type { ScheduleRepository } from '../ports/repositories';
import type { EventService } from './event.service';
import {
  PrintingService,
  parsePaper,
  parsePrintLang,
  printFileName,
  safeFileName,
  type PrintRequest,
} from './printing.service';
import { ScheduleService } from './schedule.service';

const EVENT_ID = '3f1c1a52-8d7e-4a57-9b8e-2d6f0f1f5a10';
const ORGANISER: Actor = { kind: 'organiser', organiserId: 'o1' };
const manager = (clusterId: string): Actor => ({
  kind: 'manager',
  eventId: EVENT_ID,
  clusterId,
  participantId: `p-${clusterId}`,
});

function makeSnapshot(overrides: Parameters<typeof makeEvent>[0] = {}): EventFile {
  return makeEvent({
    clusters: [
      { id: 'aei', name: 'Auvergne Efficience Industrielle' },
      { id: 'mbi', name: 'Mont-Blanc Industries' },
      { id: 'tic', name: 'Auvergne TIC' },
    ],
    wishes: mutualWish('aei', 'mbi'),
    ...overrides,
    event: {
      name: 'Journée Interclustering',
      date: '2015-07-09',
      timezone: 'Europe/Paris',
      ...overrides.event,
    },
  });
}

function makeRecord(overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id: EVENT_ID,
    status: 'scheduled',
    settings: makeSnapshot().event,
    fixed: [],
    publishedVersion: null,
    participantCount: 3,
    createdAt: new Date('2015-06-01T00:00:00Z'),
    updatedAt: new Date('2015-06-01T00:00:00Z'),
    ...overrides,
  };
}

interface StoredVersion {
  snapshot: EventFile;
  schedule: ScheduleFile | null;
}

/** A PrintingService on in-memory versions (snapshot + schedule when done) and one event record. */
function setup(options: { record?: Partial<EventRecord>; versions?: Record<number, StoredVersion> } = {}) {
  const snapshot = makeSnapshot();
  const versions = new Map<number, StoredVersion>(
    Object.entries(
      options.versions ?? {
        1: { snapshot, schedule: makeSchedule(snapshot, [meeting(0, 1, 'aei', 'mbi')]) },
      },
    ).map(([v, stored]) => [Number(v), stored]),
  );
  const reads: string[] = [];
  const repository = {
    getSchedule: async (_e: string, v: number) => (
      reads.push(`schedule ${v}`),
      versions.get(v)?.schedule ?? null
    ),
    getSnapshot: async (_e: string, v: number) => (
      reads.push(`snapshot ${v}`),
      versions.get(v)?.snapshot ?? null
    ),
    latestDoneVersion: async () =>
      Math.max(0, ...[...versions].filter(([, s]) => s.schedule).map(([v]) => v)) || null,
  } as unknown as ScheduleRepository;
  const record = makeRecord(options.record);
  const events = {
    require: async (id: string) => {
      if (id !== EVENT_ID) throw new DomainError('EVENT_NOT_FOUND', `Event ${id} not found.`);
      return record;
    },
  } as unknown as EventService;
  const printing = new PrintingService(new ScheduleService(repository, events), repository, events);
  const render = (actor: Actor, request: Partial<PrintRequest> = {}, forCluster = false) =>
    printing.render(
      actor,
      EVENT_ID,
      { kind: 'agenda-html', now: new Date('2015-07-01T08:30:00Z'), ...request },
      forCluster,
    );
  return { render, reads };
}

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('query values', () => {
  it('takes fr by default and en, and refuses anything else naming lang', () => {
    expect(parsePrintLang(undefined)).toBe('fr');
    expect(parsePrintLang('fr')).toBe('fr');
    expect(parsePrintLang('en')).toBe('en');
    for (const bad of ['de', 'FR', '', 'fr,en']) {
      expect(() => parsePrintLang(bad)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          issues: [expect.objectContaining({ path: 'lang' })],
        }),
      );
    }
  });

  it('takes a3 by default, a3 or a4 in any case, and refuses other paper naming paper', () => {
    expect(parsePaper(undefined)).toBe('A3');
    expect(parsePaper('a4')).toBe('A4');
    expect(parsePaper('A3')).toBe('A3');
    expect(() => parsePaper('letter')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'paper' })] }),
    );
  });
});

describe('file names', () => {
  it('are the event date and the kind', () => {
    expect(printFileName('2015-07-09', 'agendas-pdf')).toBe('2015-07-09-agendas.pdf');
    expect(printFileName('2015-07-09', 'agendas-pdf', 'aei')).toBe('2015-07-09-agenda-aei.pdf');
    expect(printFileName('2015-07-09', 'grid-pdf')).toBe('2015-07-09-grid.pdf');
    expect(printFileName('2015-07-09', 'tables-pdf')).toBe('2015-07-09-tables.pdf');
    expect(printFileName('2015-07-09', 'meetings-csv')).toBe('2015-07-09-meetings.csv');
    expect(printFileName('2015-07-09', 'agenda-html', 'mbi')).toBe('2015-07-09-agenda-mbi.html');
    expect(printFileName('2015-07-09', 'grid-html')).toBe('2015-07-09-grid.html');
    expect(printFileName('2015-07-09', 'calendar-ics', 'aei')).toBe('2015-07-09-calendar-aei.ics');
  });

  it('are always plain ASCII without quotes, slashes or a leading dot, whatever the parts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 4 }), (parts) => {
        const name = safeFileName(...parts);
        expect(name).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      }),
    );
    expect(safeFileName('Journée', '../../etc', 'a"b')).toBe('Journee-etc-a-b');
  });
});

describe('PrintingService.render', () => {
  it("prints the version's snapshot with the version in the footer and the given time", async () => {
    const solvedFrom = makeSnapshot({ event: { name: 'Journée telle que résolue' } });
    const { render, reads } = setup({
      versions: {
        2: { snapshot: solvedFrom, schedule: makeSchedule(solvedFrom, [meeting(1, 2, 'mbi', 'tic')]) },
      },
    });
    const document = await render(ORGANISER, { lang: 'en' });
    const html = document.body.toString('utf8');
    expect(document).toMatchObject({
      mediaType: 'text/html; charset=utf-8',
      fileName: '2015-07-09-agendas.html',
      version: 2,
    });
    expect(html).toContain('Journée telle que résolue');
    expect(html).toContain('Schedule version 2 · generated on 1 July 2015 at 10:30');
    expect(html).toContain('Thursday, 9 July 2015');
    expect(reads).toEqual(['schedule 2', 'snapshot 2']);
  });

  it('prints the given version, and says when it is not done', async () => {
    const snapshot = makeSnapshot();
    const { render } = setup({
      versions: {
        1: { snapshot, schedule: makeSchedule(snapshot, [meeting(0, 1, 'aei', 'mbi')]) },
        2: { snapshot, schedule: null },
      },
    });
    expect((await render(ORGANISER, { version: 1 })).version).toBe(1);
    expect((await domainError(render(ORGANISER, { version: 2 }))).code).toBe('SCHEDULE_NOT_FOUND');
  });

  it('says so when no version is done yet', async () => {
    const { render } = setup({ versions: {} });
    const error = await domainError(render(ORGANISER));
    expect(error.code).toBe('SCHEDULE_NOT_FOUND');
    expect(error.message).toMatch(/no schedule/i);
  });

  it('names an unknown cluster, an empty cluster and a calendar without a cluster', async () => {
    const { render } = setup();
    const unknown = await domainError(render(ORGANISER, { clusterId: 'nobody' }));
    expect(unknown.code).toBe('PARTICIPANT_NOT_FOUND');
    expect(unknown.message).toContain('"nobody"');
    const empty = await domainError(render(ORGANISER, { clusterId: ' ' }));
    expect(empty.issues?.[0].path).toBe('cluster');
    const calendar = await domainError(render(ORGANISER, { kind: 'calendar-ics' }));
    expect(calendar.issues?.[0].path).toBe('clusterId');
  });

  it('refuses a manager on the event documents before reading anything', async () => {
    const { render, reads } = setup({ record: { status: 'published', publishedVersion: 1 } });
    expect((await domainError(render(manager('aei'), { clusterId: 'aei' }))).code).toBe('FORBIDDEN');
    expect(reads).toEqual([]);
  });

  it("gives a manager its own cluster's documents of the published version only", async () => {
    const before = setup();
    const early = await domainError(before.render(manager('aei'), { clusterId: 'aei' }, true));
    expect(early.code).toBe('FORBIDDEN');
    expect(early.message).toMatch(/published/);

    const { render } = setup({ record: { status: 'published', publishedVersion: 1 } });
    const own = await render(manager('aei'), { kind: 'calendar-ics', clusterId: 'aei' }, true);
    expect(own).toMatchObject({
      mediaType: 'text/calendar; charset=utf-8',
      fileName: '2015-07-09-calendar-aei.ics',
    });
    expect(own.body.toString('utf8')).toContain('Mont-Blanc Industries');
    expect((await domainError(render(manager('aei'), { clusterId: 'mbi' }, true))).code).toBe('FORBIDDEN');
    expect((await domainError(render(manager('aei'), { clusterId: 'aei', version: 2 }, true))).code).toBe(
      'FORBIDDEN',
    );
  });

  it("gives the organiser a cluster's documents of the published version by default", async () => {
    const snapshot = makeSnapshot();
    const { render } = setup({
      record: { status: 'published', publishedVersion: 1 },
      versions: {
        1: { snapshot, schedule: makeSchedule(snapshot, [meeting(0, 1, 'aei', 'mbi')]) },
        2: { snapshot, schedule: makeSchedule(snapshot, [meeting(0, 1, 'aei', 'tic')]) },
      },
    });
    expect((await render(ORGANISER, { clusterId: 'aei' }, true)).version).toBe(1);
    expect((await render(ORGANISER, { clusterId: 'aei' })).version).toBe(2);
  });
});
