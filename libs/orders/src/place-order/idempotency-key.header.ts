import { BadRequestException } from '@nestjs/common';

const KEY = /^[\x21-\x7e]{1,255}$/;

export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!KEY.test(value)) {
    throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters.');
  }
  return value;
}
