import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
// Nest's record of a route's @HttpCode; no public API exposes it.
import { HTTP_CODE_METADATA } from '@nestjs/common/internal';
import type { Request } from 'express';
import { catchError, concatMap, from, Observable, throwError } from 'rxjs';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Trace } from '../context/trace-context';
import { UnitOfWork } from '../transactions/unit-of-work';
import { AccessLogEntry } from './access-log-entry.entity';
import { AUDITED_READ, AuditedRead } from './audit-access.decorator';

export const ACCESS_REASON_HEADER = 'x-access-reason';
const REASON = /^[^\p{Cc}]{10,500}$/u;
const MAX_DETAILS = 2000;

type AuditedRequest = Request & { user?: AuthenticatedUser };

/**
 * Writes the access log. A read of a record (`@AuditRead`) is logged with its outcome before the
 * answer leaves, so no record is shown unlogged; an admin must give a reason to read one. Every
 * admin action (any non-GET route an admin calls) is logged before it runs, so even one that
 * crashes midway leaves a trace, and its outcome is filled in after.
 */
@Injectable()
export class AccessAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const user = request.user;
    if (!user) return next.handle();
    const read = this.reflector.getAllAndOverride<AuditedRead | undefined>(AUDITED_READ, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (read) return this.auditRead(request, user, read, next);
    if (user.role === 'admin' && request.method !== 'GET') {
      return this.auditAdminAction(context, request, user, next);
    }
    return next.handle();
  }

  private auditRead(
    request: AuditedRequest,
    user: AuthenticatedUser,
    read: AuditedRead,
    next: CallHandler,
  ): Observable<unknown> {
    let reason: string | null = null;
    let refusal: unknown;
    try {
      reason = reasonOf(request, user.role === 'admin');
    } catch (error) {
      refusal = error;
    }
    const entry = (outcome: number) =>
      this.entry(user, {
        action: 'read',
        resource: read.resource,
        resourceId: read.idParam ? cleanId(request.params[read.idParam]) : null,
        reason,
        outcome,
      });
    if (refusal) {
      // An attempt to browse without a reason is itself worth a line in the log.
      return from(this.insert(entry(statusOf(refusal)))).pipe(
        concatMap(() => throwError(() => refusal)),
      );
    }
    return next.handle().pipe(
      concatMap((body) => from(this.insert(entry(200)).then(() => body))),
      catchError((error: unknown) =>
        from(this.insert(entry(statusOf(error)))).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }

  private auditAdminAction(
    context: ExecutionContext,
    request: AuditedRequest,
    user: AuthenticatedUser,
    next: CallHandler,
  ): Observable<unknown> {
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    const started = this.insert(
      this.entry(user, {
        action: `${request.method} ${route}`,
        resource: route,
        resourceId: cleanId(request.params.id ?? request.params.uuid),
        reason: reasonOf(request, false),
        details: detailsOf(request.body),
        outcome: null,
      }),
    );
    const success: number =
      Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? 201 : 200);
    const finish = (id: string, outcome: number) =>
      this.unitOfWork.manager.update(AccessLogEntry, { id }, { outcome });
    return from(started).pipe(
      concatMap((id) =>
        next.handle().pipe(
          concatMap((body) => from(finish(id, success).then(() => body))),
          catchError((error: unknown) =>
            from(finish(id, statusOf(error))).pipe(concatMap(() => throwError(() => error))),
          ),
        ),
      ),
    );
  }

  private entry(
    user: AuthenticatedUser,
    fields: Pick<AccessLogEntry, 'action' | 'resource' | 'resourceId' | 'reason' | 'outcome'> & {
      details?: object | null;
    },
  ): Partial<AccessLogEntry> {
    return {
      actorId: user.id,
      actorRole: user.role,
      details: null,
      correlationId: Trace.current()?.correlationId ?? null,
      ...fields,
    };
  }

  private async insert(entry: Partial<AccessLogEntry>): Promise<string> {
    const result = await this.unitOfWork.manager.insert(AccessLogEntry, entry);
    return String(result.identifiers[0].id);
  }
}

/** The reason an actor gave; refused when an admin reads a record without a usable one. */
function reasonOf(request: Request, required: boolean): string | null {
  const given = request.header(ACCESS_REASON_HEADER);
  if (given === undefined && !required) return null;
  if (given === undefined || !REASON.test(given)) {
    throw new BadRequestException(
      'Admins read patient records only for a stated reason: send X-Access-Reason ' +
        '(10 to 500 characters, e.g. a ticket number and purpose).',
    );
  }
  return given;
}

/** Ids come from the path unvalidated at this point: keep them storable and short. */
function cleanId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value.replace(/\p{Cc}/gu, '?').slice(0, 200);
}

function detailsOf(body: unknown): object | null {
  if (body === undefined || body === null) return null;
  const text = JSON.stringify(body).replace(/\\u0000/g, '');
  return text.length <= MAX_DETAILS
    ? (JSON.parse(text) as object)
    : { truncated: text.slice(0, MAX_DETAILS) };
}

function statusOf(error: unknown): number {
  return error instanceof HttpException ? error.getStatus() : 500;
}
