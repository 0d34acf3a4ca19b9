import type { Cluster, EventSettings, Slot, TimeWindow } from './model';
import { fromMinutes, toMinutes } from './time';

type SlotSettings = Pick<EventSettings, 'sessions' | 'meetingMinutes' | 'changeoverMinutes'>;

/**
 * Slots are derived, never listed: in each session, slot k starts at
 * start + k·(meetingMinutes + changeoverMinutes) and exists while its end is at or before the
 * session's end. Numbered from 0 across all sessions in order.
 */
export function deriveSlots(settings: SlotSettings): Slot[] {
  const slots: Slot[] = [];
  const step = settings.meetingMinutes + (settings.changeoverMinutes ?? 0);
  settings.sessions.forEach((session, sessionIndex) => {
    const sessionEnd = toMinutes(session.end);
    for (let start = toMinutes(session.start); start + settings.meetingMinutes <= sessionEnd; start += step) {
      slots.push({
        index: slots.length,
        start: fromMinutes(start),
        end: fromMinutes(start + settings.meetingMinutes),
        session: sessionIndex,
      });
    }
  });
  return slots;
}

/** A window contains a slot when window.start ≤ slot.start and slot.end ≤ window.end. */
export function windowContains(window: TimeWindow, slot: Pick<Slot, 'start' | 'end'>): boolean {
  return toMinutes(window.start) <= toMinutes(slot.start) && toMinutes(slot.end) <= toMinutes(window.end);
}

/** Available for a slot when one availability window contains the whole slot; no windows: always. */
export function isAvailable(
  cluster: Pick<Cluster, 'availability'>,
  slot: Pick<Slot, 'start' | 'end'>,
): boolean {
  if (!cluster.availability) return true;
  return cluster.availability.some((window) => windowContains(window, slot));
}

/** Indexes of the slots a cluster is available for, ascending. */
export function availableSlotIndexes(cluster: Pick<Cluster, 'availability'>, slots: Slot[]): number[] {
  return slots.filter((slot) => isAvailable(cluster, slot)).map((slot) => slot.index);
}

/** The slots as written in a schedule file (without the internal `session`). */
export function scheduleSlots(slots: Slot[]): Slot[] {
  return slots.map(({ index, start, end }) => ({ index, start, end }));
}
