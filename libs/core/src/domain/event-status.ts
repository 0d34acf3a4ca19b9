import { DomainError } from './errors';

/** The life of an event: draft → open (wishes) → closed → scheduled → published; re-open goes back to open. */
export const EVENT_STATUSES = ['draft', 'open', 'closed', 'scheduled', 'published'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** What causes a transition: the organiser asking, a schedule version finishing, or a publication. */
export type TransitionCause = 'organiser' | 'schedule-done' | 'publish';

const ALLOWED: Record<TransitionCause, Partial<Record<EventStatus, EventStatus[]>>> = {
  organiser: {
    draft: ['open'],
    open: ['closed'],
    closed: ['open'],
    scheduled: ['open'],
    published: ['open'],
  },
  // A draft is solved as it stands (an imported file whose wishes were gathered elsewhere).
  'schedule-done': { draft: ['scheduled'], closed: ['scheduled'] },
  publish: { scheduled: ['published'], published: ['published'] },
};

export function isEventStatus(value: unknown): value is EventStatus {
  return typeof value === 'string' && (EVENT_STATUSES as readonly string[]).includes(value);
}

/** Statuses reachable from `from` by `cause`. */
export function allowedTransitions(from: EventStatus, cause: TransitionCause = 'organiser'): EventStatus[] {
  return ALLOWED[cause][from] ?? [];
}

export function canTransition(
  from: EventStatus,
  to: EventStatus,
  cause: TransitionCause = 'organiser',
): boolean {
  return allowedTransitions(from, cause).includes(to);
}

/** Throws INVALID_STATUS_TRANSITION naming the allowed targets when `from → to` is not allowed. */
export function assertTransition(
  from: EventStatus,
  to: EventStatus,
  cause: TransitionCause = 'organiser',
): void {
  if (canTransition(from, to, cause)) return;
  const allowed = allowedTransitions(from, cause);
  const hint =
    to === 'scheduled'
      ? ' An event becomes scheduled when a schedule version is solved.'
      : to === 'published'
        ? ' Publish a schedule version to publish the event.'
        : '';
  throw new DomainError(
    'INVALID_STATUS_TRANSITION',
    `Cannot go from ${from} to ${to}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}.${hint}`,
  );
}

/** Settings and participants may change unless a schedule is published (re-open first). */
export function isFrozen(status: EventStatus): boolean {
  return status === 'published';
}

/** Managers may replace their wishes and availability only while wishes are open. */
export function acceptsManagerWishes(status: EventStatus): boolean {
  return status === 'open';
}

/**
 * A schedule may be requested for a draft (wishes gathered elsewhere, e.g. an imported file), once
 * wishes are closed, and again to get a new version; not while managers are still editing (`open`)
 * nor once published (re-open first).
 */
export function canSolve(status: EventStatus): boolean {
  return status === 'draft' || status === 'closed' || status === 'scheduled';
}

/** The statuses that become `scheduled` when a schedule version is done. */
export function statusesScheduledWhenDone(): EventStatus[] {
  return EVENT_STATUSES.filter((status) => canTransition(status, 'scheduled', 'schedule-done'));
}
