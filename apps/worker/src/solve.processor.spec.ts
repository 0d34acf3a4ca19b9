import { assertEveryJobHasAHandler } from './solve.processor';

describe('assertEveryJobHasAHandler', () => {
  const handler = async () => undefined;

  it('passes when every job name has a handler', () => {
    expect(() => assertEveryJobHasAHandler(['solve'], { solve: handler })).not.toThrow();
  });

  it('refuses to start when a job name has none, naming it', () => {
    expect(() => assertEveryJobHasAHandler(['solve', 'print'], { solve: handler })).toThrow(/print/);
  });
});
