/** `HH:MM` (24 h) ↔ minutes since midnight. */

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: unknown): value is string {
  return typeof value === 'string' && CLOCK.test(value);
}

export function toMinutes(time: string): number {
  const match = CLOCK.exec(time);
  if (!match) throw new RangeError(`not a HH:MM time: ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function fromMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) {
    throw new RangeError(`minutes out of the day: ${minutes}`);
  }
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
