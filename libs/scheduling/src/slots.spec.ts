import { availableSlotIndexes, deriveSlots, isAvailable } from './slots';

describe('deriveSlots', () => {
  it('derives the 8 slots of the contract example (14:00–17:30, 20 + 5 minutes)', () => {
    const slots = deriveSlots({
      sessions: [{ start: '14:00', end: '17:30' }],
      meetingMinutes: 20,
      changeoverMinutes: 5,
    });
    expect(slots.map((s) => s.start)).toEqual([
      '14:00',
      '14:25',
      '14:50',
      '15:15',
      '15:40',
      '16:05',
      '16:30',
      '16:55',
    ]);
    expect(slots[7]).toEqual({ index: 7, start: '16:55', end: '17:15', session: 0 });
  });

  it('numbers slots across sessions and keeps a slot ending exactly at the session end', () => {
    const slots = deriveSlots({
      sessions: [
        { start: '09:00', end: '10:00' },
        { start: '14:00', end: '14:45' },
      ],
      meetingMinutes: 15,
      changeoverMinutes: 0,
    });
    expect(slots.map((s) => `${s.index}:${s.start}-${s.end}/${s.session}`)).toEqual([
      '0:09:00-09:15/0',
      '1:09:15-09:30/0',
      '2:09:30-09:45/0',
      '3:09:45-10:00/0',
      '4:14:00-14:15/1',
      '5:14:15-14:30/1',
      '6:14:30-14:45/1',
    ]);
  });

  it('gives no slot to a session shorter than a meeting', () => {
    expect(
      deriveSlots({ sessions: [{ start: '14:00', end: '14:10' }], meetingMinutes: 20, changeoverMinutes: 0 }),
    ).toEqual([]);
  });
});

describe('availability', () => {
  const slots = deriveSlots({
    sessions: [{ start: '14:00', end: '17:30' }],
    meetingMinutes: 20,
    changeoverMinutes: 5,
  });

  it('needs a window that contains the whole slot', () => {
    expect(isAvailable({ availability: [{ start: '14:00', end: '14:20' }] }, slots[0])).toBe(true);
    expect(isAvailable({ availability: [{ start: '14:00', end: '14:19' }] }, slots[0])).toBe(false);
    expect(isAvailable({ availability: [{ start: '14:01', end: '15:00' }] }, slots[0])).toBe(false);
  });

  it('treats a cluster without windows as always available', () => {
    expect(availableSlotIndexes({}, slots)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(availableSlotIndexes({ availability: [{ start: '15:15', end: '17:30' }] }, slots)).toEqual([
      3, 4, 5, 6, 7,
    ]);
  });
});
