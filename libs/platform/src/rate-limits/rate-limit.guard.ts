import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RATE_LIMIT } from './rate-limit.decorator';

/**
 * @nestjs/throttler's guard, on the routes marked `@RateLimit` only. It is a global guard that the
 * app registers after the bearer guard, so it counts per user once authenticated (else per client
 * address, which honours `trust proxy`). It answers with a standard `Retry-After`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Reflect.getMetadata(RATE_LIMIT, context.getHandler()) === undefined;
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const user = (request as { user?: AuthenticatedUser }).user;
    return user ? `user:${user.id}` : `ip:${(request as unknown as Request).ip ?? 'unknown'}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    throw new ThrottlerException(
      `Too many requests: at most ${detail.limit} in ${Math.round(detail.ttl / 1000)} s. ` +
        'Retry after the number of seconds in Retry-After.',
    );
  }
}
