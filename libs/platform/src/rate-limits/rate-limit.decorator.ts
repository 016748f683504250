import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';

export const RATE_LIMIT = 'rate-limit:name';

/** The limits a route can name; their sizes come from the configuration. */
export type RateLimitName = 'login' | 'orders' | 'decisions';

/**
 * Limits how often one caller (the user, or the client address before login) may call the route;
 * over the limit it answers 429 with Retry-After.
 */
export const RateLimit = (name: RateLimitName) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT, name),
    ApiTooManyRequestsResponse({ description: `Over the ${name} rate limit; see Retry-After.` }),
  );
