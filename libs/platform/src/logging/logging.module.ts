import { DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { Trace } from '../context/trace-context';
import { correlationIdOf } from '../http/trace.middleware';

/**
 * JSON logs, one line per entry. Every line written while a request, event handler or job runs
 * carries its correlation id, so one id greps the whole story across the API and the worker.
 */
@Module({})
export class LoggingModule {
  static forRoot(level: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level,
            genReqId: (request: IncomingMessage) => correlationIdOf(request),
            mixin: () => {
              const trace = Trace.current();
              return trace
                ? { correlationId: trace.correlationId, causationId: trace.causationId }
                : {};
            },
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : 'info',
            serializers: {
              req: (request: { method: string; url: string }) => ({
                method: request.method,
                url: request.url,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
