import { DomainError } from '@app/core';
import type { EntityManager } from 'typeorm';
import { EventEntity } from '../entities';

/** The event row, locked FOR UPDATE until the transaction ends; null when there is no such event. */
export function findEventForUpdate(manager: EntityManager, eventId: string): Promise<EventEntity | null> {
  return manager
    .getRepository(EventEntity)
    .createQueryBuilder('e')
    .setLock('pessimistic_write')
    .where('e.id = :eventId', { eventId })
    .getOne();
}

/** The event row, locked FOR UPDATE until the transaction ends; EVENT_NOT_FOUND when absent. */
export async function lockEvent(manager: EntityManager, eventId: string): Promise<EventEntity> {
  const event = await findEventForUpdate(manager, eventId);
  if (!event) throw new DomainError('EVENT_NOT_FOUND', `Event ${eventId} not found.`);
  return event;
}
