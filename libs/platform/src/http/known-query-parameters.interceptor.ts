import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
// Nest's own record of a route's parameters; no public API exposes which query names it reads.
import { ROUTE_ARGS_METADATA, RouteParamtypes } from '@nestjs/common/internal';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { invalidFields } from './validation.pipe';

interface RouteArgument {
  readonly index: number;
  readonly data?: unknown;
}

/**
 * Refuses query parameters a route does not declare, as the validation pipe refuses unknown body
 * fields. A route taking a whole `@Query()` DTO is left to the pipe (whitelist); one taking
 * `@Query('name')` accepts those names; any other route accepts none.
 */
@Injectable()
export class KnownQueryParametersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const given = Object.keys(request.query ?? {});
    if (given.length === 0) return next.handle();
    const declared = declaredQueryParameters(context);
    if (declared === 'dto') return next.handle();
    const unknown = given.filter((name) => !declared.has(name));
    if (unknown.length > 0) {
      throw invalidFields(
        'The request has unknown query parameters.',
        unknown.map((field) => ({
          field,
          message: `${field} is not a query parameter of this route`,
        })),
      );
    }
    return next.handle();
  }
}

function declaredQueryParameters(context: ExecutionContext): Set<string> | 'dto' {
  const args: Record<string, RouteArgument> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {};
  const names = new Set<string>();
  for (const [key, argument] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY) continue;
    if (typeof argument.data !== 'string') return 'dto';
    names.add(argument.data);
  }
  return names;
}
