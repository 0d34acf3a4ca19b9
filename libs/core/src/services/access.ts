import type { Actor } from '../domain/model';
import { forbidden } from '../domain/errors';

/** Organisers may do anything; a manager only acts within its own event (and cluster when given). */
export function assertOrganiser(actor: Actor): void {
  if (actor.kind !== 'organiser') throw forbidden('Only organisers may do this.');
}

export function assertEventAccess(actor: Actor, eventId: string): void {
  if (actor.kind === 'manager' && actor.eventId !== eventId)
    throw forbidden('This invite is for another event.');
}

export function assertClusterAccess(actor: Actor, eventId: string, clusterId: string): void {
  assertEventAccess(actor, eventId);
  if (actor.kind === 'manager' && actor.clusterId !== clusterId) {
    throw forbidden("A manager may only read and change its own cluster's wishes and availability.");
  }
}
