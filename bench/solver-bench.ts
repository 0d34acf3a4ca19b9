/**
 * Solver benchmark: realistic random events of 40 to 3,000 clusters and the two sample events,
 * each solved by the WHOLE command-line process (`node bin/interclustering.js solve FILE --out OUT`,
 * timed from spawn to exit), then checked with `checkSchedule` and measured against the bound of
 * the pair choice (exact MIP within a budget, else the LP relaxation — the table says which).
 *
 *   npm run bench                      # every size and the samples
 *   npm run bench -- --sizes 40,400    # a subset (N, planted-N, full-N, `clermont`, `lyon`)
 *   npm run bench -- --sizes 400@52    # the 400-cluster event with 52 tables instead of its own
 *   npm run bench -- --decide-seconds 0   # skip the longer gap-free decision (default 120 s)
 *
 * `planted-N` and `full-N` events are built around gap-free agendas (testing/planted.ts), with the
 * tables of the busiest slot (planted: a busy middle of the day) or with every slot full (full):
 * zero idle slots is possible by construction, and the solver must reach it. On every event where
 * the solver leaves gaps and could not decide whether zero is possible, the bench runs the program
 * restricted to gap-free agendas (decideConsecutive) for up to `--decide-seconds`.
 *
 * Until the CLI is built (dist/apps/cli/src/main.js), `solve()` runs in this process instead and
 * the table says so.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { buildProblem, computeBound, idleLowerBound, parseEventFile, solve } from '@app/scheduling';
import type { EventFile, Meeting, Problem, QualityBound, ScheduleFile } from '@app/scheduling';
import { checkSchedule } from '@app/scheduling/checker';
import { qualityFigures } from '@app/scheduling/quality';
import { decideConsecutive } from '@app/scheduling/solver/place-mip';
import { plantedEvent } from '@app/scheduling/testing/planted';
import { generateEvent } from '@app/scheduling/testing';

/** The repository (dist/bench/ → ../..); BENCH_ROOT overrides it for a bench compiled elsewhere. */
const ROOT = process.env.BENCH_ROOT ?? resolve(__dirname, '..', '..');
const CLI_ENTRY = join(ROOT, 'bin', 'interclustering.js');
const CLI_BUILD = join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');
const DEFAULT_SIZES = [
  ...['40', '120', '400', '1000', '3000'],
  ...['planted-400', 'full-400', 'planted-3000', 'full-3000'],
  ...['clermont', 'lyon'],
];
/** Built around gap-free agendas: planted-N (busiest slot full) or full-N (every slot full). */
const PLANTED = /^(planted|full)-/;
/** A generated case: N, planted-N or full-N clusters, and @T to give it T tables instead of its own. */
const GENERATED = /^(?:planted-|full-)?(\d+)(?:@(\d+))?$/;
const SAMPLES: Record<string, string> = {
  clermont: join(ROOT, 'examples', 'clermont-2015.event.json'),
  lyon: join(ROOT, 'examples', 'lyon-2015.event.json'),
};

interface Case {
  name: string;
  event: EventFile;
  /** Seconds the whole run may take (the target), undefined when there is none. */
  target?: Target;
}

interface Target {
  seconds: number;
  /** Required share of the wish-score bound (1 = equal). */
  scoreShare: number;
  servedEqual: boolean;
  provenOptimal: boolean;
}

const TARGETS: Record<string, Target> = {
  '40': { seconds: 1, scoreShare: 1, servedEqual: true, provenOptimal: true },
  '400': { seconds: 5, scoreShare: 0.995, servedEqual: true, provenOptimal: false },
  '3000': { seconds: 30, scoreShare: 0.99, servedEqual: false, provenOptimal: false },
};

interface Row {
  name: string;
  clusters: number;
  wishes: number;
  meetings: number;
  seconds: number;
  cpuSeconds?: number;
  runner: 'cli' | 'in-process';
  valid: boolean;
  violations: string[];
  served: number;
  score: number;
  idle: number;
  idleFloor: number;
  /** What proved the floor: combinatorial (tables ignored), lp or mip (tables counted). */
  idleFloorSource: string;
  gapped: number;
  /** Can every agenda be without gaps: what the solver said, or the bench's longer decision. */
  gapFree: string;
  bound: QualityBound;
  optimal: boolean;
  method: string;
  verdict: string;
}

function parseArgs(argv: string[]): { sizes: string[]; decideSeconds: number } {
  const d = argv.indexOf('--decide-seconds');
  const decideSeconds = d >= 0 ? Number(argv[d + 1]) : 120;
  if (!Number.isFinite(decideSeconds) || decideSeconds < 0)
    throw new Error('--decide-seconds: expected a number of seconds ≥ 0, e.g. --decide-seconds 60');
  return { sizes: parseSizes(argv), decideSeconds };
}

function parseSizes(argv: string[]): string[] {
  const i = argv.indexOf('--sizes');
  if (i >= 0) {
    const list = (argv[i + 1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (list.length === 0) throw new Error('--sizes: expected a comma-separated list, e.g. --sizes 40,400');
    for (const item of list) {
      if (!GENERATED.test(item) && !(item in SAMPLES)) {
        throw new Error(
          `--sizes: "${item}" is neither a number of clusters (N, planted-N, full-N, N@tables) nor one of ${Object.keys(SAMPLES).join(', ')}`,
        );
      }
    }
    return list;
  }
  return DEFAULT_SIZES;
}

function loadCase(name: string): Case {
  if (name in SAMPLES) {
    const parsed = parseEventFile(JSON.parse(readFileSync(SAMPLES[name], 'utf8')));
    if (!parsed.ok)
      throw new Error(`${SAMPLES[name]}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    return { name, event: parsed.value };
  }
  const [, count, tables] = GENERATED.exec(name) as RegExpExecArray;
  const clusters = Number(count);
  const cap = clusters >= 3000 ? 8 : 3;
  const raw = PLANTED.test(name)
    ? plantedEvent({ clusters, cap, seed: clusters, balanced: name.startsWith('full-') }).event
    : generateEvent({ clusters, cap, seed: clusters });
  if (tables) raw.event.tables = Number(tables);
  // Round-trip through the parser: the generated file must be a valid event file.
  const parsed = parseEventFile(JSON.parse(JSON.stringify(raw)));
  if (!parsed.ok)
    throw new Error(
      `generated event ${name}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  return { name, event: parsed.value, target: TARGETS[name] };
}

async function runSolver(event: EventFile, dir: string, name: string) {
  const input = join(dir, `${name}.event.json`);
  const output = join(dir, `${name}.schedule.json`);
  writeFileSync(input, JSON.stringify(event, null, 1));
  if (existsSync(CLI_BUILD)) {
    const cpuBefore = childrenCpuSeconds();
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [CLI_ENTRY, 'solve', input, '--out', output], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuAfter = childrenCpuSeconds();
    const cpuSeconds = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
    if (result.status !== 0) {
      throw new Error(
        `CLI exited ${result.status} on ${name}: ${(result.stderr || result.stdout).slice(0, 2000)}`,
      );
    }
    const schedule = JSON.parse(readFileSync(output, 'utf8')) as ScheduleFile;
    return { schedule, seconds, cpuSeconds, runner: 'cli' as const };
  }
  const started = process.hrtime.bigint();
  const schedule = await solve(event);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { schedule, seconds, cpuSeconds: undefined, runner: 'in-process' as const };
}

/**
 * CPU seconds (user + system) of the waited-for child processes, from /proc/self/stat (Linux;
 * undefined elsewhere): on a busy machine the wall time of a run says more about the neighbours.
 */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5) (cutime, cstime), counted from the state field (3) here.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** Clusters with at least one idle slot (a gap between their first and last meeting). */
export function gappedClusters(problem: Problem, meetings: Meeting[]): number {
  const busy: Set<number>[] = problem.ids.map(() => new Set<number>());
  for (const m of meetings) {
    for (const id of m.clusters) busy[problem.indexOf.get(id) as number].add(m.slot);
  }
  let count = 0;
  busy.forEach((slots, c) => {
    if (slots.size === 0) return;
    const first = Math.min(...slots);
    const last = Math.max(...slots);
    for (let s = first; s <= last; s++) {
      if (problem.available[c][s] && !slots.has(s)) {
        count++;
        return;
      }
    }
  });
  return count;
}

function judge(row: Omit<Row, 'verdict'>, target: Target | undefined): string {
  if (!row.valid) return 'INVALID';
  if (!target) return '';
  const misses: string[] = [];
  if (row.seconds >= target.seconds) misses.push(`time ≥ ${target.seconds} s`);
  if (target.servedEqual && row.served < row.bound.servedClusters) misses.push('served < bound');
  if (row.score < target.scoreShare * row.bound.wishScore) misses.push(`score < ${target.scoreShare * 100}%`);
  if (target.provenOptimal && !row.optimal) misses.push('not proven optimal');
  return misses.length === 0 ? 'target met' : `MISSED: ${misses.join(', ')}`;
}

function percent(value: number, bound: number): string {
  return bound === 0 ? '100.00%' : `${((100 * value) / bound).toFixed(2)}%`;
}

function printTable(rows: Row[]): void {
  const header = [
    'case',
    'clusters',
    'wishes',
    'meetings',
    'seconds',
    'cpu s',
    'served / bound',
    'wish score / bound',
    'idle (floor)',
    'gapped',
    'gap-free agendas',
    'bound',
    'method',
    'check',
    'target',
  ];
  const lines = rows.map((r) => [
    r.name,
    String(r.clusters),
    String(r.wishes),
    String(r.meetings),
    `${r.seconds.toFixed(2)}${r.runner === 'in-process' ? '*' : ''}`,
    r.cpuSeconds === undefined ? '–' : r.cpuSeconds.toFixed(2),
    `${r.served} / ${r.bound.servedClusters}`,
    `${r.score} / ${r.bound.wishScore} (${percent(r.score, r.bound.wishScore)})`,
    `${r.idle} (${r.idleFloor}${r.idleFloorSource === 'combinatorial' ? '' : ` ${r.idleFloorSource}`})`,
    String(r.gapped),
    r.gapFree,
    r.bound.source,
    r.method,
    r.valid ? 'valid' : `${r.violations.length} violations`,
    r.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  console.log('');
  console.log(
    'seconds: the whole CLI process, spawn to exit' +
      (rows.some((r) => r.runner === 'in-process') ? '; * = solve() in-process (CLI not built)' : ''),
  );
  console.log('cpu s: CPU time of that process (user + system, all its threads; Linux only)');
  console.log(
    'bound: mip = exact optimum of the pair choice; lp = its LP relaxation (each figure rounded down)',
  );
  console.log(
    'idle (floor): idle slots, and in brackets a lower bound no placement of these pairs can beat:',
  );
  console.log(
    "  each cluster alone with its partners' availability and small components exactly (tables ignored),",
  );
  console.log(
    '  or with "lp" / "mip" the placement program of place-mip.ts (tables counted): its LP relaxation, or',
  );
  console.log('  its exact optimum; equal to the idle slots = proven minimal');
  console.log('gapped: clusters with at least one idle slot');
  console.log(
    'gap-free agendas: can every cluster meet without a gap (these pairs, tables counted)? "impossible" is',
  );
  console.log(
    '  proven by a floor above 0 or by the program restricted to gap-free agendas (infeasible), within',
  );
  console.log('  the solve or, in brackets, by the bench given more time; "not decided" within that time');
}

/**
 * Can every agenda be without gaps? The solver's answer when it has one, else the program restricted
 * to gap-free agendas with `seconds` (no node limit). A placement it finds is one the solver missed.
 */
async function gapFreeVerdict(
  problem: Problem,
  schedule: ScheduleFile,
  idle: number,
  floor: number,
  seconds: number,
): Promise<{ text: string; floor: number }> {
  if (idle === 0) return { text: 'reached', floor };
  if (floor > 0 || schedule.stats?.idleZero === 'impossible') return { text: 'impossible', floor };
  if (seconds <= 0) return { text: 'not decided', floor };
  const started = Date.now();
  const decided = await decideConsecutive(problem, schedule.meetings, {
    deadline: started + seconds * 1000,
    seconds,
    nodes: 1e9,
    maxColumns: 1e6,
  });
  const took = ((Date.now() - started) / 1000).toFixed(1);
  if (decided.verdict === 'impossible')
    return { text: `impossible (${took} s)`, floor: Math.max(floor, decided.gappedAtLeast) };
  if (decided.verdict === 'reached') return { text: `MISSED: possible (${took} s)`, floor };
  return { text: `not decided (${took} s)`, floor };
}

async function main(): Promise<void> {
  const { sizes, decideSeconds } = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'interclustering-bench-'));
  const rows: Row[] = [];
  try {
    for (const name of sizes) {
      const testCase = loadCase(name);
      const { event } = testCase;
      process.stderr.write(`${name}: ${event.clusters.length} clusters, ${event.wishes.length} wishes… `);
      const { schedule, seconds, cpuSeconds, runner } = await runSolver(event, dir, name);
      const report = checkSchedule(event, schedule);
      const figures = qualityFigures(event, schedule.meetings);
      const problem = buildProblem(event);
      const bound = await computeBound(problem, { mipSeconds: 120, lpSeconds: 60 });
      const tablesIgnored = idleLowerBound(problem, schedule.meetings);
      const solverFloor = Number(schedule.stats?.idleFloor ?? 0);
      const floor = Math.max(solverFloor, tablesIgnored);
      const gapFree = await gapFreeVerdict(problem, schedule, figures.idleSlots, floor, decideSeconds);
      const partial = {
        name,
        clusters: event.clusters.length,
        wishes: event.wishes.length,
        meetings: schedule.meetings.length,
        seconds,
        cpuSeconds,
        runner,
        valid: report.valid,
        violations: report.violations.map((v) => `rule ${v.rule}: ${v.message}`),
        served: figures.servedClusters,
        score: figures.wishScore,
        idle: figures.idleSlots,
        // The solver's floor (tables counted when its program ran), never below the tables-ignored one.
        idleFloor: gapFree.floor,
        idleFloorSource:
          gapFree.floor > floor
            ? 'mip'
            : solverFloor > tablesIgnored
              ? String(schedule.stats?.idleFloorSource)
              : 'combinatorial',
        gapped: gappedClusters(problem, schedule.meetings),
        gapFree: gapFree.text,
        bound,
        optimal:
          bound.source === 'mip' &&
          figures.servedClusters === bound.servedClusters &&
          figures.wishScore === bound.wishScore,
        method: String(schedule.stats?.method ?? '?'),
      };
      const verdict =
        PLANTED.test(name) && !name.includes('@') && partial.idle > 0
          ? 'MISSED: idle slots where gap-free agendas exist by construction'
          : judge(partial, testCase.target);
      rows.push({ ...partial, verdict });
      process.stderr.write(`${seconds.toFixed(2)} s\n`);
      for (const violation of partial.violations.slice(0, 5)) process.stderr.write(`  ${violation}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows);
  if (rows.some((r) => !r.valid)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
