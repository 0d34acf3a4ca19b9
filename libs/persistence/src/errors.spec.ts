import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './errors';

describe('isDatabaseUnavailable', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('recognises refused connections, dropped connections and a restarting server', () => {
    for (const error of [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), {
        message: '',
      }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new QueryFailedError(
        'SELECT 1',
        [],
        new Error('Client has encountered a connection error and is not queryable'),
      ),
      new QueryFailedError(
        'SELECT 1',
        [],
        withCode('terminating connection due to administrator command', '57P01'),
      ),
      withCode('the database system is starting up', '57P03'),
    ]) {
      expect({ message: (error as Error).message, unavailable: isDatabaseUnavailable(error) }).toEqual({
        message: (error as Error).message,
        unavailable: true,
      });
    }
  });

  it('leaves query errors and anything else alone', () => {
    expect(
      isDatabaseUnavailable(new QueryFailedError('INSERT', [], withCode('duplicate key', '23505'))),
    ).toBe(false);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT', [], withCode('syntax error', '42601')))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
