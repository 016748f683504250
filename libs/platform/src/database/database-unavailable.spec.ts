import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string) => Object.assign(new Error('whatever the server says'), { code });
const wrapped = (driverError: Error) => new QueryFailedError('select 1', [], driverError);

describe('Recognising a database that cannot serve now', () => {
  it.each(['57P01', '57P03', '57014', '55P03', '25P03', '40001', '40P01', '08006', '53300'])(
    'by the SQLSTATE %s, wrapped by TypeORM or not',
    (code) => {
      expect(isDatabaseUnavailable(withCode(code))).toBe(true);
      expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(true);
    },
  );

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'])('by the socket errno %s', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it("by the driver's code-less connection failures", () => {
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('not by a data error, a constraint, or a bug', () => {
    for (const code of ['23505', '22P02', '42P01', '23503']) {
      expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(false);
    }
    // A message that merely mentions a timeout is not a code.
    expect(isDatabaseUnavailable(withCode('23505'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('statement timeout in my own code'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
