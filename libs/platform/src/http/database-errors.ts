import { HttpStatus } from '@nestjs/common';

/**
 * SQLSTATE classes that mean "this value cannot be stored or compared", never "the server is
 * broken": 22 data exception (bad encoding, out-of-range number, invalid text representation) and
 * 54 program limit exceeded (a value too large for an index). The DTOs should refuse such input
 * first; this is the net under them, so input never turns into a 500.
 */
const DATA_ERROR_CLASSES = ['22', '54'];

/** The SQLSTATE of a pg error, whether TypeORM wrapped it or not. */
export function sqlStateOf(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | undefined;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A 400 for a PostgreSQL data error, by its code alone (its message may quote the value). */
export function dataErrorProblem(
  error: unknown,
): { type: string; title: string; status: number; detail: string } | undefined {
  const code = sqlStateOf(error);
  if (!code || !DATA_ERROR_CLASSES.includes(code.slice(0, 2))) return undefined;
  return {
    type: 'about:blank',
    title: 'Bad Request',
    status: HttpStatus.BAD_REQUEST,
    detail: `The request holds a value the database cannot store (SQLSTATE ${code}).`,
  };
}
