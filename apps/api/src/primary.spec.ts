import { RestartBackoff } from './primary';

describe('RestartBackoff', () => {
  it('doubles the delay for each death soon after the previous replacement, up to the maximum', () => {
    const backoff = new RestartBackoff(500, 30_000, 60_000);
    let now = 0;
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      const delay = backoff.next(now);
      delays.push(delay);
      // The replacement starts after the delay and dies 2 s later.
      now += delay + 2_000;
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('is back to the base delay once a replacement has lived the calm period', () => {
    const backoff = new RestartBackoff(500, 30_000, 60_000);
    expect(backoff.next(0)).toBe(500);
    expect(backoff.next(10_000)).toBe(1000);
    // The replacement started at 11 s and lived 59 s: still the same streak.
    expect(backoff.next(70_000)).toBe(2000);
    // This one started at 72 s and lived 60 s.
    expect(backoff.next(132_000)).toBe(500);
  });

  it('never replaces processes dying in a loop more often than once per maximum delay', () => {
    const backoff = new RestartBackoff(500, 30_000, 60_000);
    // Each replacement dies as soon as it starts.
    let now = 0;
    let replacements = 0;
    while (now < 10 * 60_000) {
      now += backoff.next(now);
      replacements++;
    }
    // 7 to reach the maximum (61.5 s), then one per 30 s: 25 in 10 minutes.
    expect(replacements).toBe(7 + Math.ceil((10 * 60_000 - 61_500) / 30_000));
  });
});
