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

  it('turns body-parser errors into 413 and 400 without internals', () => {
    expect(bodyParserError({ type: 'entity.too.large', status: 413, limit: 65536, stack: 'x' })).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is too large (limit 65536 bytes).',
    });
    expect(bodyParserError({ type: 'entity.parse.failed', status: 400, body: '{"a":' })?.code).toBe(
      'INVALID_JSON',
    );
    expect(bodyParserError(new Error('other'))).toBeUndefined();
  });
});
