import fc from 'fast-check';
import {
  EVENT_STATUSES,
  EventStatus,
  allowedTransitions,
  assertTransition,
  canSolve,
  statusesScheduledWhenDone,
  canTransition,
  isFrozen,
} from './event-status';
import { DomainError } from './errors';

describe('event status machine', () => {
  it('walks the happy path draft → open → closed → scheduled → published', () => {
    expect(canTransition('draft', 'open')).toBe(true);
    expect(canTransition('open', 'closed')).toBe(true);
    expect(canTransition('closed', 'scheduled', 'schedule-done')).toBe(true);
    expect(canTransition('scheduled', 'published', 'publish')).toBe(true);
  });

  it('re-opens from closed, scheduled and published', () => {
    for (const from of ['closed', 'scheduled', 'published'] as EventStatus[]) {
      expect(canTransition(from, 'open')).toBe(true);
    }
  });

  it('lets the organiser reach scheduled and published only through solve and publish', () => {
    expect(canTransition('closed', 'scheduled')).toBe(false);
    expect(canTransition('scheduled', 'published')).toBe(false);
    expect(() => assertTransition('closed', 'scheduled')).toThrow(/when a schedule version is solved/);
  });

  it('refuses skipping and going back to draft', () => {
    expect(canTransition('draft', 'closed')).toBe(false);
    expect(canTransition('open', 'draft')).toBe(false);
    expect(canTransition('draft', 'published', 'publish')).toBe(false);
    expect(canTransition('open', 'scheduled', 'schedule-done')).toBe(false);
  });

  it('throws INVALID_STATUS_TRANSITION naming the allowed targets', () => {
    try {
      assertTransition('draft', 'closed');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('INVALID_STATUS_TRANSITION');
      expect((error as DomainError).message).toBe('Cannot go from draft to closed; allowed: open.');
    }
  });

  it('never allows a transition that assertTransition refuses, and the reverse (property)', () => {
    const status = fc.constantFrom(...EVENT_STATUSES);
    const cause = fc.constantFrom('organiser' as const, 'schedule-done' as const, 'publish' as const);
    fc.assert(
      fc.property(status, status, cause, (from, to, why) => {
        const allowed = allowedTransitions(from, why).includes(to);
        let threw = false;
        try {
          assertTransition(from, to, why);
        } catch {
          threw = true;
        }
        return allowed === !threw && canTransition(from, to, why) === allowed;
      }),
    );
  });

  it('freezes published events only; solves drafts, closed and scheduled events, never open ones', () => {
    expect(EVENT_STATUSES.filter(isFrozen)).toEqual(['published']);
    expect(EVENT_STATUSES.filter(canSolve)).toEqual(['draft', 'closed', 'scheduled']);
  });

  it('makes a solved draft or closed event scheduled, and nothing else', () => {
    expect(statusesScheduledWhenDone()).toEqual(['draft', 'closed']);
    expect(statusesScheduledWhenDone().every(canSolve)).toBe(true);
  });
});
