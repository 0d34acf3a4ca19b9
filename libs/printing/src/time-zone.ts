/**
 * Local wall-clock time in an IANA zone → the UTC instant, with Intl only (no zone database of
 * our own). Correct across summer/winter time: the offset is looked up at the instant itself.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `instant` in `timeZone` as the UTC milliseconds of that same wall-clock reading. */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Europe/Paris: +120 in July, +60 in January). */
export function zoneOffsetMinutes(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClockAsUtc(whole, timeZone) - whole) / 60000);
}

/**
 * The UTC instant of `date` (`YYYY-MM-DD`) at `time` (`HH:MM`) on the wall clocks of `timeZone`.
 * A time skipped by a spring-forward change is taken at the offset in force before it.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, min);
  const first = wall - zoneOffsetMinutes(wall, timeZone) * 60000;
  const second = wall - zoneOffsetMinutes(first, timeZone) * 60000;
  if (first === second) return new Date(first);
  // The two guesses disagree: near a change. Keep the one whose wall clock reads back right.
  if (wallClockAsUtc(second, timeZone) === wall) return new Date(second);
  if (wallClockAsUtc(first, timeZone) === wall) return new Date(first);
  return new Date(Math.max(first, second));
}

/** Whether `timeZone` is a zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
