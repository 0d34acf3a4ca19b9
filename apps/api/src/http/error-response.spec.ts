import { STATUS_OF, bodyParserError, errorBody } from './error-response';

describe('error bodies', () => {
  it('maps every domain code to a 4xx or 503', () => {
    for (const [code, status] of Object.entries(STATUS_OF)) {
      expect({ code, ok: (status >= 400 && status < 500) || status === 503 }).toEqual({ code, ok: true });
    }
    expect(STATUS_OF.VALIDATION_FAILED).toBe(400);
    expect(STATUS_OF.VERSION_MISMATCH).toBe(412);
    expect(STATUS_OF.QUEUE_UNAVAILABLE).toBe(503);
  });

  it('builds plain bodies', () => {
    expect(errorBody(404, 'Cannot GET /api/x')).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Cannot GET /api/x',
    });
    expect(errorBody(400, 'bad', 'VALIDATION_FAILED', [{ path: 'a', message: 'b' }])).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'bad',
      errors: [{ path: 'a', message: 'b' }],
    });
  });

  it('passes each issue’s code and params through', () => {
    const issue = {
      path: 'wishes[2].rank',
      message: '7 is above maxWishesPerCluster 5',
      code: 'rank-above-max' as const,
      params: { value: 7, max: 5 },
    };
    expect(errorBody(400, 'The wish list is not valid.', 'VALIDATION_FAILED', [issue]).errors).toEqual([
      issue,
    ]);
  });

  it('turns body-parser errors into 413 and 400 without internals', () => {
    expect(bodyParserError({ type: 'entity.too.large', status: 413, limit: 65536, stack: 'x' })).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is too large (limit 65536 bytes).',
    });
    expect(bodyParserError({ type: 'entity.parse.failed', status: 400, body: '{"a":' })).toEqual({
      statusCode: 400,
      code: 'INVALID_JSON',
      message: 'The request body is not valid JSON.',
      errors: [{ path: '(root)', message: 'not valid JSON', code: 'invalid-json' }],
    });
    expect(bodyParserError(new Error('other'))).toBeUndefined();
  });
});
