import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pinoHttpOptions } from './pino-options';

/**
 * JSON logs, one line per entry. Every line written while a request, event handler or job runs
 * carries its correlation id, so one id greps the whole story across the API and the worker.
 * Credentials and query parameters are redacted (see {@link pinoHttpOptions}).
 */
@Module({})
export class LoggingModule {
  static forRoot(level: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(level) })],
    };
  }
}
