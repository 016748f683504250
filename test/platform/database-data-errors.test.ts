import { ArgumentsHost, HttpStatus } from '@nestjs/common';
import { ProblemDetailsFilter } from '@pharmacy/platform';
import { DataSource, QueryFailedError } from 'typeorm';
import { testEnv } from '../support/test-env';

/** Sends `error` through the filter as a request would, and returns what the client gets. */
function answerTo(error: unknown) {
  const sent: { status?: number; body?: Record<string, unknown> } = {};
  const response = {
    setHeader: () => response,
    status: (status: number) => ((sent.status = status), response),
    type: () => response,
    json: (body: Record<string, unknown>) => ((sent.body = body), response),
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ originalUrl: '/api/test' }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return sent;
}

describe('PostgreSQL data errors that slip past validation', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', url: testEnv.databaseUrl }).initialize();
  });

  afterAll(() => db.destroy());

  async function failureOf(sql: string, parameters: unknown[]): Promise<QueryFailedError> {
    const error = await db.query(sql, parameters).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(QueryFailedError);
    return error as QueryFailedError;
  }

  it.each<[string, string, unknown[], string]>([
    ['a NUL in text', 'select $1::text', ['a\u0000b'], '22021'],
    ['a malformed uuid', 'select $1::uuid', ['not-a-uuid'], '22P02'],
    ['an integer out of range', 'select $1::int', ['99999999999'], '22003'],
  ])('answer 400, not 500, for %s, without quoting the value', async (_, sql, parameters, code) => {
    const error = await failureOf(sql, parameters);
    expect((error.driverError as unknown as { code: string }).code).toBe(code);

    const { status, body } = answerTo(error);

    expect(status).toBe(HttpStatus.BAD_REQUEST);
    expect(body).toMatchObject({ status: 400, title: 'Bad Request', instance: '/api/test' });
    expect(body!.detail).toContain(code);
    expect(JSON.stringify(body)).not.toContain(String(parameters[0]).slice(0, 6));
  });

  it('still answer 500 for an error that is the server’s, such as a missing table', async () => {
    const error = await failureOf('select * from no_such_table where id = $1', [1]);
    expect(answerTo(error).status).toBe(HttpStatus.INTERNAL_SERVER_ERROR);
  });
});
