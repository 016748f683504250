import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Deeper than any body the API takes: a line of an order sits at depth 3. */
export const MAX_BODY_DEPTH = 8;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Refuses what no route accepts before any route sees it: a body that is not JSON (415), one nested
 * deeper than {@link MAX_BODY_DEPTH}, or one carrying keys that reach object prototypes. Runs after
 * the JSON parser; a request without a body passes.
 */
export function requestShape(request: Request, _response: Response, next: NextFunction): void {
  const hasBody =
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0;
  if (WITH_BODY.has(request.method) && hasBody && !request.is('application/json')) {
    next(new UnsupportedMediaTypeException('The request body must be application/json.'));
    return;
  }
  const problem = shapeProblem(request.body);
  next(problem ? new BadRequestException(problem) : undefined);
}

/** Walks the parsed body without recursion, so a hostile depth cannot exhaust the stack. */
function shapeProblem(body: unknown): string | undefined {
  const pending: [unknown, number][] = [[body, 1]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_BODY_DEPTH) {
      return `The request body is nested deeper than ${MAX_BODY_DEPTH} levels.`;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `The request body must not have a key named ${key}.`;
      pending.push([(value as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}
