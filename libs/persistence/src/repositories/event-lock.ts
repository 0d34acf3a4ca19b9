import { DomainError } from '@app/core';
import type { EntityManager } from 'typeorm';
import { EventEntity } from '../entities';

/**
 * The event row, locked until the transaction ends (FOR UPDATE, or FOR NO KEY UPDATE: enough to
 * update it, and it lets rows referencing the event be inserted meanwhile); null when there is no
 * such event.
 */
export function findEventForUpdate(
  manager: EntityManager,
  eventId: string,
  lock: 'pessimistic_write' | 'for_no_key_update' = 'pessimistic_write',
): Promise<EventEntity | null> {
  return manager
    .getRepository(EventEntity)
    .createQueryBuilder('e')
    .setLock(lock)
    .where('e.id = :eventId', { eventId })
    .getOne();
}

/** The event row, locked FOR UPDATE until the transaction ends; EVENT_NOT_FOUND when absent. */
export async function lockEvent(manager: EntityManager, eventId: string): Promise<EventEntity> {
  const event = await findEventForUpdate(manager, eventId);
  if (!event) throw new DomainError('EVENT_NOT_FOUND', `Event ${eventId} not found.`);
  return event;
}
