import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ical, { type VEvent } from 'node-ical';
import { makeCluster, makeEvent, makeSchedule, meeting, mutualWish, wish } from '@app/scheduling/testing';
import { run } from '../cli';
import { fakeIo, jsonText } from '../testing/fake-io';

const event = makeEvent({
  event: {
    name: 'Journée Interclustering — Clermont-Ferrand',
    venue: 'Hôtel de Région Auvergne',
    tables: 3,
    changeoverMinutes: 5,
  },
  clusters: [
    makeCluster('aei', { name: 'Auvergne Efficience Industrielle', region: 'Auvergne', kind: 'cluster' }),
    makeCluster('mbi', {
      name: 'Mont-Blanc Industries',
      region: 'Rhône-Alpes',
      kind: 'pôle de compétitivité',
    }),
    makeCluster('ase', { name: "Analyse & Surveillance de l'Environnement" }),
    makeCluster('cv', { name: 'Céréales Vallée' }),
  ],
  wishes: [...mutualWish('aei', 'mbi', 1, 2), wish('ase', 'aei', 1), wish('cv', 'mbi', 1)],
});
const schedule = makeSchedule(event, [
  meeting(0, 2, 'aei', 'mbi'),
  meeting(1, 3, 'ase', 'aei'),
  meeting(1, 1, 'cv', 'mbi'),
]);

/** An in-memory io that also keeps the bytes written (PDF, CSV). */
function printIo(more: Record<string, string> = {}, env: Record<string, string> = {}) {
  const fake = fakeIo({ 'event.json': jsonText(event), 'schedule.json': jsonText(schedule), ...more }, env);
  const bytes = new Map<string, Buffer>();
  const io = Object.assign(fake.io, {
    writeBytes: async (path: string, data: Uint8Array) => void bytes.set(path, Buffer.from(data)),
  });
  return { ...fake, io, bytes };
}

async function print(args: string[], more: Record<string, string> = {}, env: Record<string, string> = {}) {
  const fake = printIo(more, env);
  const code = await run(['print', ...args], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr(), bytes: fake.bytes, files: fake.files };
}

function pdfText(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'print-cli-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'doc.pdf'), '-'], {
      encoding: 'utf8',
    }).split('\f');
    if (pages[pages.length - 1].trim() === '') pages.pop();
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('interclustering print', () => {
  it('prints its usage with --help', async () => {
    const result = await print(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Usage: interclustering print EVENT\.json SCHEDULE\.json --what agendas\|grid\|tables\|csv\|ics/,
    );
  });

  it('writes every cluster’s agenda, one page each, in French', async () => {
    const result = await print(['event.json', 'schedule.json', '--what', 'agendas', '--out', 'agendas.pdf']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe('interclustering print: wrote 4 agenda pages to agendas.pdf\n');
    const pages = pdfText(result.bytes.get('agendas.pdf')!);
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('jeudi 9 juillet 2015');
    expect(pages[0]).toMatch(/^\s*14:00 – 14:20\s+2\s+Mont-Blanc Industries\s+Souhait mutuel/m);
    expect(pages[0]).toMatch(/^\s*14:25 – 14:45\s+3\s+Analyse & Surveillance de\s+Souhait du partenaire/m);
  });

  it('writes one cluster’s page in English with --cluster and --lang en', async () => {
    const result = await print([
      'event.json',
      'schedule.json',
      '-w',
      'agendas',
      '-c',
      'mbi',
      '-l',
      'en',
      '-o',
      'mbi.pdf',
    ]);
    expect(result.code).toBe(0);
    const pages = pdfText(result.bytes.get('mbi.pdf')!);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Thursday, 9 July 2015');
    expect(pages[0]).toMatch(/^\s*14:25 – 14:45\s+1\s+Céréales Vallée\s+Partner’s wish/m);
  });

  it('writes the grid (A3 or A4 landscape) and the table cards', async () => {
    const grid = await print([
      'event.json',
      'schedule.json',
      '--what',
      'grid',
      '--paper',
      'A4',
      '--out',
      'g.pdf',
    ]);
    expect(grid.stderr).toBe('interclustering print: wrote the grid (A4 landscape, 1 page) to g.pdf\n');
    expect(pdfText(grid.bytes.get('g.pdf')!)[0]).toMatch(/Table 1\s+Table 2\s+Table 3/);
    const cards = await print(['event.json', 'schedule.json', '--what', 'tables', '--out', 't.pdf']);
    const pages = pdfText(cards.bytes.get('t.pdf')!);
    expect(pages).toHaveLength(3);
    expect(pages[2]).toMatch(/^\s*14:25 – 14:45\s+Analyse & Surveillance/m);
  });

  it('prints the CSV on stdout, or writes it with its byte-order mark', async () => {
    const shown = await print(['event.json', 'schedule.json', '--what', 'csv']);
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\r\n')).toEqual([
      '\ufeffCréneau;Début;Fin;Table;Cluster A;Cluster B;Mutuel',
      '1;14:00;14:20;2;Auvergne Efficience Industrielle;Mont-Blanc Industries;oui',
      '2;14:25;14:45;1;Céréales Vallée;Mont-Blanc Industries;non',
      "2;14:25;14:45;3;Analyse & Surveillance de l'Environnement;Auvergne Efficience Industrielle;non",
      '',
    ]);
    const written = await print(['event.json', 'schedule.json', '--what', 'csv', '--out', 'm.csv']);
    expect([...written.bytes.get('m.csv')!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(written.stderr).toBe('interclustering print: wrote 3 meetings to m.csv\n');
  });

  it('prints a cluster’s calendar with the right UTC instants', async () => {
    const result = await print(['event.json', 'schedule.json', '--what', 'ics', '--cluster', 'aei']);
    expect(result.code).toBe(0);
    const events = Object.values(ical.sync.parseICS(result.stdout))
      .filter((c): c is VEvent => c?.type === 'VEVENT')
      .sort((a, b) => a.start.getTime() - b.start.getTime());
    expect(events.map((e) => [e.start.toISOString(), e.summary])).toEqual([
      ['2015-07-09T12:00:00.000Z', 'Rendez-vous : Mont-Blanc Industries (table 2)'],
      ['2015-07-09T12:25:00.000Z', "Rendez-vous : Analyse & Surveillance de l'Environnement (table 3)"],
    ]);
  });

  it('makes the same bytes twice with SOURCE_DATE_EPOCH, and prints the given version', async () => {
    const args = [
      'event.json',
      'schedule.json',
      '--what',
      'agendas',
      '--out',
      'a.pdf',
      '--schedule-version',
      '7',
    ];
    const env = { SOURCE_DATE_EPOCH: '1435739400' }; // 2015-07-01T08:30:00Z
    const first = await print(args, {}, env);
    const second = await print(args, {}, env);
    expect(first.bytes.get('a.pdf')!.equals(second.bytes.get('a.pdf')!)).toBe(true);
    expect(pdfText(first.bytes.get('a.pdf')!)[0]).toContain(
      'Planning version 7 · généré le 1 juillet 2015 à 10:30',
    );
  });

  it('writes to the file system when the io has no binary writer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'print-cli-'));
    try {
      const fake = fakeIo({ 'event.json': jsonText(event), 'schedule.json': jsonText(schedule) });
      const out = join(dir, 'grid.pdf');
      expect(
        await run(['print', 'event.json', 'schedule.json', '--what', 'grid', '--out', out], fake.io),
      ).toBe(0);
      expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(
        await run(
          ['print', 'event.json', 'schedule.json', '--what', 'grid', '--out', join(dir, 'no/such/dir.pdf')],
          fake.io,
        ),
      ).toBe(2);
      expect(fake.stderr()).toContain('cannot write the document to');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['--what', 'agendas'], '--out FILE is required for --what agendas (a PDF)'],
    [['--out', 'x.pdf'], '--what is required: one of agendas, grid, tables, csv, ics'],
    [
      ['--what', 'poster', '--out', 'x.pdf'],
      '--what expects one of agendas, grid, tables, csv, ics, got "poster"',
    ],
    [['--what', 'ics'], '--cluster ID is required for --what ics (one calendar per cluster)'],
    [['--what', 'csv', '--cluster', 'aei'], '--cluster applies to --what agendas and ics, not csv'],
    [['--what', 'csv', '--lang', 'de'], '--lang expects one of fr, en, got "de"'],
    [['--what', 'agendas', '--paper', 'A4', '--out', 'x.pdf'], '--paper applies to --what grid only'],
    [['--what', 'grid', '--paper', 'A5', '--out', 'x.pdf'], '--paper expects one of A3, A4, got "A5"'],
  ])('exits 2 with the usage for %j', async (options, message) => {
    const result = await print(['event.json', 'schedule.json', ...options]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`interclustering print: ${message}`);
    expect(result.stderr).toContain('Usage: interclustering print');
    expect(result.bytes.size).toBe(0);
  });

  it('exits 2 naming the place for a bad event file, an unknown cluster or a schedule of another event', async () => {
    const badEvent = await print(['bad.json', 'schedule.json', '--what', 'csv'], {
      'bad.json': jsonText({ ...event, event: { ...event.event, tables: 0 } }),
    });
    expect(badEvent.code).toBe(2);
    expect(badEvent.stderr).toMatch(/bad\.json is not a valid event file \(1 error\):\n {2}event\.tables: /);

    const unknown = await print(['event.json', 'schedule.json', '--what', 'ics', '--cluster', 'zzz']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr: 'interclustering print: --cluster: event.json has no cluster "zzz"\n',
    });

    const other = await print(['event.json', 'other.json', '--what', 'csv'], {
      'other.json': jsonText(makeSchedule(event, [meeting(0, 1, 'aei', 'nobody')])),
    });
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(
      'interclustering print: other.json does not fit the event file event.json:\n' +
        '  meetings[0].clusters[1]: unknown cluster "nobody"\n',
    );
  });

  it('warns, but prints, a schedule that breaks the rules', async () => {
    const broken = makeSchedule(event, [meeting(0, 1, 'aei', 'mbi'), meeting(0, 1, 'ase', 'cv')]);
    const result = await print(['event.json', 'broken.json', '--what', 'csv'], {
      'broken.json': jsonText(broken),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^interclustering print: warning: the schedule breaks the rules \(\d+ violations?\)/,
    );
    expect(result.stdout.split('\r\n')).toHaveLength(4);
  });

  it('loads neither the solver nor Nest or TypeORM', async () => {
    const fake = printIo();
    let code: number | undefined;
    await jest.isolateModulesAsync(async () => {
      for (const name of ['../../../../libs/scheduling/src/solver', 'highs', '@nestjs/core', 'typeorm']) {
        jest.doMock(name, () => {
          throw new Error(`${name} must not be loaded`);
        });
      }
      const cli = await import('../cli');
      code = await cli.run(['print', 'event.json', 'schedule.json', '--what', 'csv'], fake.io);
    });
    for (const name of ['../../../../libs/scheduling/src/solver', 'highs', '@nestjs/core', 'typeorm'])
      jest.dontMock(name);
    expect(fake.stderr()).toBe('');
    expect(code).toBe(0);
  });
});
