import { parse } from 'csv-parse/sync';
import ical, { type VEvent } from 'node-ical';
import type { Response } from 'supertest';
import { planGridPages } from '@app/printing/grid-pdf';
import { escapeRegExp, pdfInfo, pdfPages, squash } from '@app/printing/testing/pdf-tools';
import { parseEventFile, type EventFile, type ScheduleFile } from '@app/scheduling';
import { sampleEvent } from '../support/factories';
import { bearer, eventually, organiserAuth, startService, type TestService } from '../support/service';

jest.setTimeout(180_000);

/** Reads any answer body as bytes (supertest leaves PDFs unparsed otherwise). */
function binary(raw: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const response = raw as NodeJS.ReadableStream; // in Node, superagent hands parsers the incoming message
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  response.on('end', () => done(null, Buffer.concat(chunks)));
  response.on('error', (error: Error) => done(error, Buffer.alloc(0)));
}

function calendarEvents(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text))
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** 9 July 2015 in Paris is UTC+2 (summer time): « 14:00 » → 12:00Z. */
function parisSummerToUtc(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return new Date(Date.UTC(2015, 6, 9, h - 2, m)).toISOString();
}

/**
 * Downloads of printed documents through the API, against the real PostgreSQL, Redis and worker:
 * the Clermont sample is imported and solved, then every document is downloaded and read back
 * (pdftotext, csv-parse, node-ical); managers get their own agenda once the schedule is published.
 */
describe('printed documents and exports', () => {
  let service: TestService;
  let auth: { Authorization: string };
  let eventId: string;
  let event: EventFile;
  let schedule: ScheduleFile;
  const invites = new Map<string, string>();

  const get = (path: string, headers: { Authorization: string } = auth) =>
    service.http().get(`/api/events/${eventId}${path}`).set(headers).buffer(true).parse(binary);
  const name = (id: string) => event.clusters.find((c) => c.id === id)!.name;

  function expectDownload(response: Response, mediaType: string, fileName: string): Buffer {
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(mediaType);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
    expect(response.headers['x-schedule-version']).toBe('1');
    const body = response.body as Buffer;
    expect(Number(response.headers['content-length'])).toBe(body.length);
    return body;
  }

  function errorOf(response: Response): {
    statusCode: number;
    code: string;
    message: string;
    errors?: unknown;
  } {
    return JSON.parse((response.body as Buffer).toString('utf8'));
  }

  beforeAll(async () => {
    service = await startService({ worker: true });
    auth = await organiserAuth(service);
    const imported = await service
      .http()
      .post('/api/events/import')
      .set(auth)
      .send(sampleEvent('clermont'))
      .expect(201);
    eventId = imported.body.id;
    await service.http().post(`/api/events/${eventId}/status`).set(auth).send({ status: 'open' }).expect(200);
    const issued = await service
      .http()
      .post(`/api/events/${eventId}/participants/invites`)
      .set(auth)
      .expect(201);
    for (const invite of issued.body as { clusterId: string; token: string }[]) {
      invites.set(invite.clusterId, invite.token);
    }
    await service
      .http()
      .post(`/api/events/${eventId}/status`)
      .set(auth)
      .send({ status: 'closed' })
      .expect(200);

    const exported = await service.http().get(`/api/events/${eventId}/export`).set(auth).expect(200);
    const parsed = parseEventFile(exported.body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    event = parsed.value;

    const solve = await service.http().post(`/api/events/${eventId}/solve`).set(auth).expect(202);
    expect(solve.body.version).toBe(1);
    await eventually(
      async () => {
        const response = await service.http().get(`/api/events/${eventId}/schedules/1`).set(auth).expect(200);
        if (response.body.state === 'failed') throw new Error(`solve failed: ${response.body.reason}`);
        return response.body.state === 'done' ? true : undefined;
      },
      120_000,
      'the schedule',
    );
    schedule = (await service.http().get(`/api/events/${eventId}/schedule`).set(auth).expect(200))
      .body as ScheduleFile;
    expect(schedule.meetings.length).toBeGreaterThan(30);
  });

  afterAll(async () => {
    await service?.close();
  });

  describe('organiser', () => {
    it('downloads the agendas: one page per cluster, each meeting with its table and partner, French date', async () => {
      const pdf = expectDownload(
        await get('/print/agendas.pdf'),
        'application/pdf',
        '2015-07-09-agendas.pdf',
      );
      const pages = pdfPages(pdf);
      const layout = pdfPages(pdf, true);
      expect(pages).toHaveLength(40);
      expect(event.clusters).toHaveLength(40);
      const meeting = schedule.meetings[0];
      const [a, b] = meeting.clusters;
      const page = event.clusters.findIndex((c) => c.id === a);
      const slot = schedule.slots[meeting.slot];
      expect(squash(pages[page])).toContain(squash(name(a)));
      expect(squash(pages[page])).toContain(squash(name(b)));
      expect(layout[page]).toMatch(
        new RegExp(
          `^\\s*${slot.start} – ${slot.end}\\s+${meeting.table}\\s+${escapeRegExp(name(b).split(' ')[0])}`,
          'm',
        ),
      );
      for (const text of pages) {
        expect(text).toContain('jeudi 9 juillet 2015');
        expect(text).toContain('Planning version 1 · généré le');
      }
      const today = new Intl.DateTimeFormat('fr-FR', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Paris',
      }).format(new Date());
      expect(pages[0]).toContain(`généré le ${today}`);
    });

    it('downloads the agendas in English with ?lang=en and refuses another language naming lang', async () => {
      const pdf = expectDownload(
        await get('/print/agendas.pdf?lang=en'),
        'application/pdf',
        '2015-07-09-agendas.pdf',
      );
      const [first] = pdfPages(pdf);
      expect(first).toContain('Thursday, 9 July 2015');
      expect(first).toContain('Schedule version 1 · generated on');

      const refused = await get('/print/agendas.pdf?lang=de');
      expect(refused.status).toBe(400);
      expect(errorOf(refused)).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'lang', message: expect.stringContaining('"de"') }],
      });
    });

    it("downloads one cluster's agenda page with ?cluster=, and says which cluster is unknown", async () => {
      const pdf = expectDownload(
        await get('/print/agendas.pdf?cluster=aei'),
        'application/pdf',
        '2015-07-09-agenda-aei.pdf',
      );
      const pages = pdfPages(pdf);
      expect(pages).toHaveLength(1);
      expect(squash(pages[0])).toContain(squash(name('aei')));

      const unknown = await get('/print/agendas.pdf?cluster=nobody');
      expect(unknown.status).toBe(404);
      expect(errorOf(unknown)).toMatchObject({ code: 'PARTICIPANT_NOT_FOUND' });
      expect(errorOf(unknown).message).toContain('"nobody"');
    });

    it('refuses a version that is not a positive integer, and one that does not exist', async () => {
      const bad = await get('/print/grid.pdf?version=abc');
      expect(bad.status).toBe(400);
      expect(errorOf(bad)).toMatchObject({ errors: [{ path: 'version' }] });
      const missing = await get('/print/grid.pdf?version=7');
      expect(missing.status).toBe(404);
      expect(errorOf(missing).code).toBe('SCHEDULE_NOT_FOUND');
      const explicit = await get('/print/tables.pdf?version=1');
      expect(explicit.status).toBe(200);
    });

    it('downloads the grid in A3 landscape (default) or A4, cut into pages as the library plans', async () => {
      const a3 = expectDownload(await get('/print/grid.pdf'), 'application/pdf', '2015-07-09-grid.pdf');
      const info = pdfInfo(a3);
      expect([Math.round(info.width), Math.round(info.height)]).toEqual([1191, 842]);
      expect(info.pages).toBe(planGridPages(event.event.tables, schedule.slots.length, 'A3').length);
      const text = squash(pdfPages(a3).join('\n'));
      for (const meeting of schedule.meetings.slice(0, 5)) {
        expect(text).toContain(squash(name(meeting.clusters[0])));
      }
      expect(text).toContain('jeudi 9 juillet 2015');

      const a4 = pdfInfo(
        expectDownload(await get('/print/grid.pdf?paper=a4'), 'application/pdf', '2015-07-09-grid.pdf'),
      );
      expect([Math.round(a4.width), Math.round(a4.height)]).toEqual([842, 595]);
      expect(a4.pages).toBe(planGridPages(event.event.tables, schedule.slots.length, 'A4').length);

      const refused = await get('/print/grid.pdf?paper=letter');
      expect(refused.status).toBe(400);
      expect(errorOf(refused)).toMatchObject({ errors: [{ path: 'paper' }] });
    });

    it('downloads the table cards: one page per table of the event', async () => {
      const pdf = expectDownload(await get('/print/tables.pdf'), 'application/pdf', '2015-07-09-tables.pdf');
      const pages = pdfPages(pdf);
      expect(pages).toHaveLength(event.event.tables);
      const meeting = schedule.meetings[0];
      expect(squash(pages[meeting.table - 1])).toContain(squash(name(meeting.clusters[0])));
      expect(squash(pages[meeting.table - 1])).toContain(squash(name(meeting.clusters[1])));
    });

    it("downloads the meetings as CSV that parses back to the schedule's meetings", async () => {
      const csv = expectDownload(
        await get('/print/meetings.csv'),
        'text/csv; charset=utf-8',
        '2015-07-09-meetings.csv',
      );
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parse(csv.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
      expect(header).toHaveLength(7);
      const idOf = new Map(event.clusters.map((c) => [c.name, c.id]));
      const read = rows.map(([slot, start, end, table, a, b]) => ({
        slot: Number(slot) - 1,
        start,
        end,
        table: Number(table),
        clusters: [idOf.get(a), idOf.get(b)],
      }));
      const expected = [...schedule.meetings]
        .sort((x, y) => x.slot - y.slot || x.table - y.table)
        .map((m) => ({
          slot: m.slot,
          start: schedule.slots[m.slot].start,
          end: schedule.slots[m.slot].end,
          table: m.table,
          clusters: m.clusters,
        }));
      expect(read).toEqual(expected);
    });

    it("downloads a cluster's calendar with the right UTC instants (14:00 in Paris = 12:00Z)", async () => {
      // A cluster meeting in the earliest slot used (the schedule need not use 14:00).
      const earliest = Math.min(...schedule.meetings.map((m) => m.slot));
      const first = schedule.meetings.find((m) => m.slot === earliest)!;
      expect(schedule.slots[0].start).toBe('14:00');
      expect(parisSummerToUtc('14:00')).toBe('2015-07-09T12:00:00.000Z');
      const clusterId = first.clusters[0];
      const text = expectDownload(
        await get(`/print/clusters/${clusterId}/calendar.ics`),
        'text/calendar; charset=utf-8',
        `2015-07-09-calendar-${clusterId}.ics`,
      ).toString('utf8');
      const entries = calendarEvents(text);
      const own = schedule.meetings
        .filter((m) => m.clusters.includes(clusterId))
        .sort((a, b) => a.slot - b.slot);
      expect(entries).toHaveLength(own.length);
      expect(entries[0].start.toISOString()).toBe(parisSummerToUtc(schedule.slots[earliest].start));
      own.forEach((meeting, i) => {
        const slot = schedule.slots[meeting.slot];
        expect(entries[i].start.toISOString()).toBe(parisSummerToUtc(slot.start));
        expect(entries[i].end?.toISOString()).toBe(parisSummerToUtc(slot.end));
        const partner = meeting.clusters.find((id) => id !== clusterId)!;
        expect(entries[i].summary).toContain(name(partner));
        expect(entries[i].summary).toContain(`table ${meeting.table}`);
        expect(Number(entries[i].sequence)).toBe(1);
      });
    });

    it('downloads the HTML agenda and grid pages', async () => {
      const agenda = expectDownload(
        await get('/print/agenda.html?cluster=aei&lang=en'),
        'text/html; charset=utf-8',
        '2015-07-09-agenda-aei.html',
      ).toString('utf8');
      expect(agenda).toMatch(/^<!DOCTYPE html>/i);
      expect(agenda).toContain(name('aei'));
      expect(agenda).toContain('Thursday, 9 July 2015');
      const grid = expectDownload(
        await get('/print/grid.html'),
        'text/html; charset=utf-8',
        '2015-07-09-grid.html',
      ).toString('utf8');
      expect(grid).toContain('jeudi 9 juillet 2015');
      expect(grid).toContain('version 1');
    });

    it('prints the event as it was when solved (the version snapshot), not as changed since', async () => {
      const before = 'Hôtel de Région Auvergne, Clermont-Ferrand';
      expect(event.event.venue).toBe(before);
      await service
        .http()
        .patch(`/api/events/${eventId}`)
        .set(auth)
        .send({ venue: 'Polydome, Clermont-Ferrand' })
        .expect(200);
      const [page] = pdfPages(
        expectDownload(
          await get('/print/agendas.pdf?cluster=aei'),
          'application/pdf',
          '2015-07-09-agenda-aei.pdf',
        ),
      );
      expect(page).toContain(before);
      expect(page).not.toContain('Polydome');
    });

    it('lists the downloads in the OpenAPI document with their media types', async () => {
      const doc = (await service.http().get('/api/docs-json').expect(200)).body as {
        paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
      };
      const routes: [string, string][] = [
        ['/api/events/{id}/print/agendas.pdf', 'application/pdf'],
        ['/api/events/{id}/print/grid.pdf', 'application/pdf'],
        ['/api/events/{id}/print/tables.pdf', 'application/pdf'],
        ['/api/events/{id}/print/meetings.csv', 'text/csv'],
        ['/api/events/{id}/print/agenda.html', 'text/html'],
        ['/api/events/{id}/print/grid.html', 'text/html'],
        ['/api/events/{id}/print/clusters/{clusterId}/calendar.ics', 'text/calendar'],
        ['/api/events/{id}/participants/{clusterId}/agenda.pdf', 'application/pdf'],
        ['/api/events/{id}/participants/{clusterId}/calendar.ics', 'text/calendar'],
        ['/api/events/{id}/participants/{clusterId}/agenda.html', 'text/html'],
      ];
      for (const [path, mediaType] of routes) {
        expect(Object.keys(doc.paths[path]?.get?.responses['200']?.content ?? {})).toEqual([mediaType]);
      }
    });
  });

  describe('managers', () => {
    const manager = (clusterId: string) => bearer(invites.get(clusterId)!);

    it('are refused before publication with a clear message, and on organiser downloads', async () => {
      const early = await get('/participants/aei/agenda.pdf', manager('aei'));
      expect(early.status).toBe(403);
      expect(errorOf(early)).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/published/),
      });
      const organiserOnly = await get('/print/agendas.pdf?cluster=aei', manager('aei'));
      expect(organiserOnly.status).toBe(403);
    });

    it('download their own agenda (one page) and calendar once published, never another cluster’s', async () => {
      await service.http().post(`/api/events/${eventId}/schedules/1/publish`).set(auth).expect(200);

      const pdf = expectDownload(
        await get('/participants/aei/agenda.pdf', manager('aei')),
        'application/pdf',
        '2015-07-09-agenda-aei.pdf',
      );
      const pages = pdfPages(pdf);
      expect(pages).toHaveLength(1);
      const own = schedule.meetings.filter((m) => m.clusters.includes('aei')).sort((a, b) => a.slot - b.slot);
      expect(own.length).toBeGreaterThan(0);
      const text = squash(pages[0]);
      expect(text).toContain(squash(name('aei')));
      for (const meeting of own) {
        expect(text).toContain(squash(name(meeting.clusters.find((id) => id !== 'aei')!)));
      }
      expect(pages[0]).toContain('jeudi 9 juillet 2015');
      expect(pages[0]).toContain('Planning version 1');

      for (const path of ['/participants/aei/calendar.ics', '/participants/aei/agenda.ics']) {
        const ics = expectDownload(
          await get(path, manager('aei')),
          'text/calendar; charset=utf-8',
          '2015-07-09-calendar-aei.ics',
        ).toString('utf8');
        const entries = calendarEvents(ics);
        expect(entries.map((e) => e.start.toISOString())).toEqual(
          own.map((m) => parisSummerToUtc(schedule.slots[m.slot].start)),
        );
      }

      const html = expectDownload(
        await get('/participants/aei/agenda.html?lang=en', manager('aei')),
        'text/html; charset=utf-8',
        '2015-07-09-agenda-aei.html',
      ).toString('utf8');
      expect(html).toContain('Thursday, 9 July 2015');

      for (const path of [
        '/participants/mbi/agenda.pdf',
        '/participants/mbi/calendar.ics',
        '/participants/mbi/agenda.html',
      ]) {
        const other = await get(path, manager('aei'));
        expect(other.status).toBe(403);
        expect(errorOf(other).code).toBe('FORBIDDEN');
      }
      const otherVersion = await get('/participants/aei/agenda.pdf?version=2', manager('aei'));
      expect(otherVersion.status).toBe(403);
    });

    it('lets the organiser download any cluster’s agenda on the same routes', async () => {
      const pdf = expectDownload(
        await get('/participants/mbi/agenda.pdf'),
        'application/pdf',
        '2015-07-09-agenda-mbi.pdf',
      );
      expect(pdfPages(pdf)).toHaveLength(1);
    });
  });
});
