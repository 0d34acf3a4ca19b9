import { checkSchedule, parseScheduleFile } from '@app/scheduling';
import { makeEvent, mutualWish, toJsonDocument, wish, wishList } from '@app/scheduling/testing';
import { run } from '../cli';
import { fakeIo, jsonText } from '../testing/fake-io';

const event = makeEvent({
  clusters: ['a', 'b', 'c', 'd', 'e'],
  wishes: [...wishList('a', 'b', 'c'), ...mutualWish('c', 'd'), wish('e', 'a')],
  fixed: [{ clusters: ['b', 'e'], slot: 2 }],
});

async function solve(args: string[], more: Record<string, string> = {}) {
  const fake = fakeIo({ 'event.json': jsonText(event), ...more });
  const code = await run(['solve', ...args], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr(), files: fake.files };
}

describe('interclustering solve', () => {
  it('prints only the schedule file (pretty JSON) on stdout, progress and a summary on stderr', async () => {
    const result = await solve(['event.json', '--time-limit', '5']);
    expect(result.code).toBe(0);
    const parsed = parseScheduleFile(JSON.parse(result.stdout));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(result.stdout).toBe(`${JSON.stringify(JSON.parse(result.stdout), null, 2)}\n`);
    expect(parsed.value.event).toBe('Test day');
    const report = checkSchedule(event, parsed.value);
    expect(report.violations).toEqual([]);
    // a→b, a→c, c↔d, e→a are all reachable with cap 3 and 6 slots; b–e is fixed
    expect(report.figures.servedClusters).toBe(4);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^\[\s*\d+%\] /);
    expect(lines[lines.length - 1]).toMatch(
      /^interclustering solve: \d+ meetings, served clusters 4 \(bound \d+\), wish score \d+ \(bound \d+, \w+\), idle slots \d+(, proven optimal)?; \d+\.\d s$/,
    );
  });

  it('writes the schedule to --out FILE, nothing on stdout', async () => {
    const result = await solve(['event.json', '--out', 'schedule.json', '-t', '3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const written = result.files.get('schedule.json') as string;
    expect(checkSchedule(event, JSON.parse(written)).valid).toBe(true);
    expect(result.stderr).toMatch(/; written to schedule\.json\n$/);
  });

  it('exits 2 when the schedule cannot be written', async () => {
    const result = await solve(['event.json', '--out', '/read-only/s.json', '-t', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /interclustering solve: cannot write the schedule file to \/read-only\/s\.json: permission denied\n$/,
    );
  });

  it.each([
    [['event.json', '--time-limit', '0'], '--time-limit expects a number of seconds above 0'],
    [
      ['event.json', '--time-limit', 'soon'],
      '--time-limit expects a number of seconds above 0 and at most 86400, got "soon"',
    ],
    [['event.json', '--time-limit'], "Option '-t, --time-limit <value>' argument missing"],
    [[], 'missing EVENT.json'],
    [['a.json', 'b.json'], 'unexpected argument "b.json"'],
    [['event.json', '--fast'], "Unknown option '--fast'"],
  ])('exits 2 on wrong arguments %p, with the usage', async (args, message) => {
    const result = await solve(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: interclustering solve EVENT.json');
  });

  it('prints its usage with --help', async () => {
    const result = await solve(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Usage: interclustering solve EVENT\.json \[--out FILE\] \[--time-limit SECONDS\]/,
    );
  });

  it('exits 2 for an invalid event file, listing every error with its path', async () => {
    const bad = toJsonDocument(event) as { wishes: Record<string, unknown>[] };
    bad.wishes[0].rank = 7;
    bad.wishes[1].to = 'zz';
    const result = await solve(['bad.json'], { 'bad.json': jsonText(bad) });
    expect(result).toMatchObject({
      code: 2,
      stdout: '',
      stderr: [
        'interclustering solve: bad.json is not a valid event file (2 errors):',
        '  wishes[0].rank: 7 is above maxWishesPerCluster 5',
        '  wishes[1].to: unknown cluster "zz"',
        '',
      ].join('\n'),
    });
  });

  it('exits 2 naming the fixed meetings that cannot all be placed', async () => {
    // 1 table and 2 slots: three fixed meetings without a slot cannot all be seated.
    const crowded = makeEvent({
      event: { tables: 1, sessions: [{ start: '14:00', end: '14:40' }] },
      clusters: ['a', 'b', 'c', 'd', 'e', 'f'],
      fixed: [{ clusters: ['a', 'b'] }, { clusters: ['c', 'd'] }, { clusters: ['e', 'f'] }],
    });
    const result = await solve(['crowded.json', '-t', '2'], { 'crowded.json': jsonText(crowded) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /interclustering solve: the fixed meetings of crowded\.json cannot all be placed \(.*\); change or remove:\n/,
    );
    expect(result.stderr).toMatch(/\n {2}fixed\[\d\]: [a-f]–[a-f]\n/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
