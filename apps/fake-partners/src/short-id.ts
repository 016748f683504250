import { randomBytes } from 'node:crypto';

/** Ten uppercase hex characters: short enough to read in a log, unique enough for a fake. */
export function shortId(): string {
  return randomBytes(5).toString('hex').toUpperCase();
}
