import { checkSchedule } from '@app/scheduling/checker';
import { makeEvent, makeSchedule, meeting, toJsonDocument, wish, wishList } from '@app/scheduling/testing';
import { run } from '../cli';
import { fakeIo, jsonText } from '../testing/fake-io';

const event = makeEvent({ wishes: [...wishList('a', 'b', 'c'), wish('c', 'd')] });
const valid = makeSchedule(event, [
  meeting(0, 1, 'a', 'b'),
  meeting(1, 1, 'a', 'c'),
  meeting(0, 2, 'c', 'd'),
]);
const invalid = makeSchedule(event, [
  meeting(0, 1, 'a', 'b'),
  meeting(0, 1, 'c', 'd'),
  meeting(2, 1, 'b', 'd'),
]);

const files = {
  'event.json': jsonText(event),
  'valid.json': jsonText(valid),
  'invalid.json': jsonText(invalid),
};

async function check(args: string[], more: Record<string, string> = {}, env: Record<string, string> = {}) {
  const fake = fakeIo({ ...files, ...more }, env);
  const code = await run(['check', ...args], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('interclustering check', () => {
  it('exits 0 for a valid schedule and prints the verdict and the three figures', async () => {
    const result = await check(['event.json', 'valid.json']);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Valid: the 3 meetings follow the 10 rules.',
        '',
        'Served clusters: 2 of 2 clusters with wishes',
        'Wish score:      14', // a→b 5, a→c 4, c→d 5
        'Idle slots:      0',
        '',
      ].join('\n'),
    });
  });

  it('exits 1 for an invalid schedule and prints each violation with its rule', async () => {
    const result = await check(['event.json', 'invalid.json']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'Invalid: 2 violations.',
      '  rule 2 (one meeting per table and slot): table 1 in slot 0 (14:00–14:20) has 2 meetings: a–b, c–d',
      '  rule 9 (wished by one side or fixed): b–d at slot 2 (14:40–15:00), table 1: neither b nor d wished this meeting, and it is not fixed',
      '',
      'Served clusters: 2 of 2 clusters with wishes',
      'Wish score:      10',
      'Idle slots:      2', // b and d meet in slots 0 and 2, not in 1
      '',
    ]);
  });

  it('prints the report as JSON with --json', async () => {
    const result = await check(['--json', 'event.json', 'invalid.json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(checkSchedule(event, invalid));
    expect(result.stdout).toBe(`${JSON.stringify(checkSchedule(event, invalid), null, 2)}\n`);
  });

  it('prints its usage with --help', async () => {
    const result = await check(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: interclustering check EVENT\.json SCHEDULE\.json \[--json\]/);
  });

  it.each([
    [[], 'missing EVENT.json and SCHEDULE.json'],
    [['event.json'], 'missing EVENT.json and SCHEDULE.json'],
    [['event.json', 'valid.json', 'more.json'], 'unexpected argument "more.json"'],
    [['event.json', 'valid.json', '--verbose'], "Unknown option '--verbose'"],
  ])('exits 2 on wrong arguments %p, with the usage', async (args, message) => {
    const result = await check(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: interclustering check');
  });

  it('exits 2 for a missing file, naming it', async () => {
    const result = await check(['event.json', 'nowhere.json']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'interclustering check: cannot read the schedule file nowhere.json: no such file\n',
    });
  });

  it('exits 2 for bad JSON, with the line and column', async () => {
    const result = await check(['broken.json', 'valid.json'], {
      'broken.json': '{\n  "format": "x",\n  oops\n}',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^interclustering check: the event file broken\.json is not valid JSON \(line 3, column 3\): /,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an invalid event file, listing every error with its path', async () => {
    const bad = toJsonDocument(event) as {
      event: Record<string, unknown>;
      clusters: Record<string, unknown>[];
    };
    bad.event.tables = 0;
    bad.clusters[3].colour = 'red';
    const result = await check(['bad.json', 'valid.json'], { 'bad.json': jsonText(bad) });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'interclustering check: bad.json is not a valid event file (2 errors):',
        '  event.tables: 0 is below the minimum 1',
        '  clusters[3].colour: unknown field',
        '',
      ].join('\n'),
    });
  });

  it('shows the stack of a user error only with DEBUG=interclustering', async () => {
    const result = await check(['event.json', 'nowhere.json'], {}, { DEBUG: 'interclustering' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no such file\nUserError: .*\n\s+at /);
  });

  it('exits 2 for an invalid schedule file, listing every error with its path', async () => {
    const bad = toJsonDocument(valid) as { meetings: Record<string, unknown>[] };
    bad.meetings[1].table = 'one';
    delete bad.meetings[2].clusters;
    const result = await check(['event.json', 'bad.json'], { 'bad.json': jsonText(bad) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        'interclustering check: bad.json is not a valid schedule file (2 errors):',
        '  meetings[1].table: expected an integer, got "one"',
        '  meetings[2].clusters: is required',
        '',
      ].join('\n'),
    );
  });

  it('notes on stderr a schedule made for another event, and still checks it', async () => {
    const other = makeSchedule(makeEvent({ event: { name: 'Another day' } }), valid.meetings);
    const result = await check(['event.json', 'other.json'], { 'other.json': jsonText(other) });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'interclustering check: note: other.json is a schedule of "Another day", the event file is "Test day"\n',
    );
  });

  it('notes on stderr slots that are not those of the event, and still checks the meetings', async () => {
    const shifted = { ...valid, slots: valid.slots.slice(1) };
    const result = await check(['event.json', 'shifted.json'], { 'shifted.json': jsonText(shifted) });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "interclustering check: note: the slots listed in shifted.json are not the 6 slots of the event (the meetings are checked against the event's slots)\n",
    );
  });
});
