/**
 * Slots computed in the browser for the live preview of the event form and for availability
 * check boxes. The same rule as the contract (docs: event-format.md, "Slots"); the server's
 * `deriveSlots` (libs/scheduling/src/slots.ts) is the authority — the browser test compares both.
 */

/** `HH:MM` → minutes since midnight, or NaN. */
export function toMinutes(time) {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(String(time ?? ''));
  return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
}

export function fromMinutes(minutes) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${String(hours).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/**
 * In each session, in order, slot k starts at start + k·(meeting + changeover) and exists while its
 * end is at or before the session's end; numbered from 0 across sessions. Sessions with unreadable
 * times, or a meeting length that is not a positive integer, give no slots.
 */
export function deriveSlots({ sessions, meetingMinutes, changeoverMinutes }) {
  const meeting = Number(meetingMinutes);
  const step = meeting + (Number(changeoverMinutes) || 0);
  const slots = [];
  if (!Number.isInteger(meeting) || meeting <= 0 || step <= 0) return slots;
  (sessions ?? []).forEach((session, sessionIndex) => {
    const start = toMinutes(session.start);
    const end = toMinutes(session.end);
    if (Number.isNaN(start) || Number.isNaN(end)) return;
    for (let at = start; at + meeting <= end; at += step) {
      slots.push({
        index: slots.length,
        start: fromMinutes(at),
        end: fromMinutes(at + meeting),
        session: sessionIndex,
      });
    }
  });
  return slots;
}

/** A cluster is available for a slot when one of its windows contains the whole slot; no windows: always. */
export function isAvailable(availability, slot) {
  if (!availability) return true;
  return availability.some(
    (window) =>
      toMinutes(window.start) <= toMinutes(slot.start) && toMinutes(slot.end) <= toMinutes(window.end),
  );
}

/**
 * Availability windows from the chosen slots: each run of consecutive slots becomes one window
 * (first start → last end); every slot chosen → null (available all day).
 */
export function windowsFromSlots(slots, chosen) {
  if (slots.every((slot) => chosen.has(slot.index))) return null;
  const windows = [];
  let run = null;
  for (const slot of slots) {
    if (chosen.has(slot.index)) {
      if (run) run.end = slot.end;
      else run = { start: slot.start, end: slot.end };
    } else if (run) {
      windows.push(run);
      run = null;
    }
  }
  if (run) windows.push(run);
  return windows;
}
