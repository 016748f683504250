import { readConfig } from './config';
import { NO_FAULTS } from './faults';

describe('readConfig', () => {
  it('defaults to port 4010 on 0.0.0.0 with no faults', () => {
    expect(readConfig({})).toEqual({
      port: 4010,
      host: '0.0.0.0',
      faults: NO_FAULTS,
    });
  });

  it('reads the port, host and faults', () => {
    const config = readConfig({
      FAKE_PARTNERS_PORT: '5000',
      FAKE_PARTNERS_HOST: '127.0.0.1',
      FAKE_FAIL_RATE: '0.1',
      FAKE_HANG_RATE: '0.05',
      FAKE_LATENCY_MS: '250',
    });

    expect(config).toMatchObject({
      port: 5000,
      host: '127.0.0.1',
      faults: { failRate: 0.1, hangRate: 0.05, latencyMs: 250 },
    });
  });

  it('names every invalid variable at once', () => {
    const read = () =>
      readConfig({
        FAKE_FAIL_RATE: 'abc',
        FAKE_HANG_RATE: '1.5',
        FAKE_LATENCY_MS: '2.5',
        FAKE_PARTNERS_PORT: '-1',
      });

    expect(read).toThrow(
      [
        'Invalid configuration:',
        '  - FAKE_PARTNERS_PORT: must be an integer from 0 to 65535, got "-1"',
        '  - FAKE_FAIL_RATE: must be a number from 0 to 1, got "abc"',
        '  - FAKE_HANG_RATE: must be a number from 0 to 1, got "1.5"',
        '  - FAKE_LATENCY_MS: must be an integer from 0 to 600000, got "2.5"',
      ].join('\n'),
    );
  });
});
