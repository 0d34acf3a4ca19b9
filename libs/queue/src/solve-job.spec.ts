import { InvalidPayloadError, parseSolvePayload, solveJobId } from './solve-job';

const eventId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('solve job payload', () => {
  it('accepts {eventId, version}', () => {
    expect(parseSolvePayload({ eventId, version: 2 })).toEqual({ eventId, version: 2 });
  });

  it.each([
    [null, 'expected an object'],
    [[], 'expected an object'],
    [{ eventId: 'x', version: 1 }, 'eventId must be a UUID'],
    [{ eventId, version: 0 }, 'version must be an integer'],
    [{ eventId, version: '1' }, 'version must be an integer'],
    [{ eventId, version: 1, extra: true }, 'unknown field extra'],
  ])('rejects %j', (data, message) => {
    expect(() => parseSolvePayload(data)).toThrow(InvalidPayloadError);
    expect(() => parseSolvePayload(data)).toThrow(message);
  });

  it('derives one job id per event and version, without colons', () => {
    expect(solveJobId({ eventId, version: 3 })).toBe(`solve-${eventId}-v3`);
    expect(solveJobId({ eventId, version: 3 })).not.toContain(':');
    expect(solveJobId({ eventId, version: 3 })).not.toEqual(solveJobId({ eventId, version: 4 }));
  });
});
