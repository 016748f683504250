import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export interface OptionalIntOptions {
  readonly min: number;
  readonly max: number;
  /** What the handler uses when the value is absent; documented in the OpenAPI schema. */
  readonly default: number;
}

/**
 * The one way a DTO takes an optional whole number from a query string (a page's limit or
 * offset): converted from text, then checked against its bounds, which the OpenAPI schema shows.
 */
export function OptionalInt({
  min,
  max,
  default: fallback,
}: OptionalIntOptions): PropertyDecorator {
  // Listed bottom-up, as stacked decorators are applied: the checks run in the order they did.
  return applyDecorators(
    Max(max),
    Min(min),
    IsInt(),
    Type(() => Number),
    IsOptional(),
    ApiPropertyOptional({ default: fallback, minimum: min, maximum: max }),
  );
}
