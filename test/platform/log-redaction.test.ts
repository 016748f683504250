import { pinoHttpOptions } from '@pharmacy/platform/testing';
import pino from 'pino';
import { Writable } from 'node:stream';
import { DataSource, QueryFailedError } from 'typeorm';
import { testEnv } from '../support/test-env';

/** A logger configured as the apps' is, writing its JSON lines into `lines`. */
function capturingLogger(lines: string[]) {
  const { redact, serializers } = pinoHttpOptions('info');
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return pino({ redact, serializers: { ...pino.stdSerializers, ...serializers } }, sink);
}

describe('The log redacts credentials and what failed queries carry', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', url: testEnv.databaseUrl }).initialize();
  });

  afterAll(() => db.destroy());

  it("keeps a failed query's parameters, SQL and row detail out, and its code in", async () => {
    await db.query('create temporary table patients (email text unique)');
    await db.query("insert into patients values ('jane.doe@example.com')");
    const error = (await db
      .query('insert into patients values ($1)', ['jane.doe@example.com'])
      .catch((caught: unknown) => caught)) as QueryFailedError;
    expect(error).toBeInstanceOf(QueryFailedError);
    const lines: string[] = [];

    capturingLogger(lines).error({ err: error }, 'unexpected error');

    const logged = lines.join('');
    expect(logged).not.toContain('jane.doe');
    expect(logged).not.toContain('insert into patients');
    expect(JSON.parse(logged).err).toMatchObject({
      parameters: '[Redacted]',
      query: '[Redacted]',
      driverError: { code: '23505', detail: '[Redacted]' },
    });
  });

  it('keeps the bearer token, cookies and the dashboard token out of request lines', () => {
    const lines: string[] = [];
    capturingLogger(lines).info({
      req: { method: 'GET', url: '/admin/queues?token=eyJ.secret.sig&x=1' },
    });
    capturingLogger(lines).info({
      req: { headers: { authorization: 'Bearer eyJ.secret.sig', cookie: 'queues=eyJ' } },
    });
    const logged = lines.join('');
    expect(logged).not.toContain('eyJ');
    expect(logged).toContain('/admin/queues?token=[Redacted]&x=1');
  });
});
