import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { dataErrorProblem } from './database-errors';

/** RFC 9457 problem details: the one error shape of the whole API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Field-level messages, for validation errors only. */
  errors?: { field: string; message: string }[];
  /** Other extension members, such as the failed checks of a health report. */
  [extension: string]: unknown;
}

/**
 * Turns every error into problem details. Unexpected errors become a 500 whose detail hides the
 * internals; they are logged with the stack so the request id leads to the cause.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const problem = { ...toProblem(error, this.logger), instance: request.originalUrl };
    if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '1');
    response.status(problem.status).type('application/problem+json').json(problem);
  }
}

function toProblem(error: unknown, logger: Logger): ProblemDetails {
  // Nest's Express adapter wraps body-parser errors in an HttpException (with the raw
  // JSON.parse message); answer the body-parser error it wraps instead.
  if (error instanceof HttpException && isBodyParserError(error.cause)) error = error.cause;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const fields =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    return {
      type: typeof fields.type === 'string' ? fields.type : 'about:blank',
      title: typeof fields.title === 'string' ? fields.title : (STATUS_CODES[status] ?? 'Error'),
      status,
      detail: typeof fields.detail === 'string' ? fields.detail : messageOf(fields, error),
      ...extensionsOf(fields),
    };
  }
  if (isBodyParserError(error)) {
    return {
      type: 'about:blank',
      title: error.status === 413 ? 'Payload Too Large' : 'Bad Request',
      status: error.status,
      detail:
        error.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : error.message,
    };
  }
  if (isDatabaseUnavailable(error)) {
    // The database is lost, overloaded or timed out (recognised by its codes): worth retrying,
    // not a bug. Logged without a stack, since nothing in this process is at fault.
    logger.warn(`Database unavailable: ${(error as Error).message}`);
    return {
      type: 'about:blank',
      title: 'Service Unavailable',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: 'The service is busy or its database is unavailable; retry shortly.',
    };
  }
  const dataError = dataErrorProblem(error);
  if (dataError) return dataError;
  // The error itself, not its stack text: the logger redacts what a failed query carries.
  logger.error(error instanceof Error ? error : String(error));
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'An unexpected error occurred; the request id in the response headers identifies it.',
  };
}

/** Members beyond the standard ones (field errors, a health report) travel as RFC 9457 extensions. */
function extensionsOf(fields: Record<string, unknown>): Record<string, unknown> {
  const extensions: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (STANDARD_MEMBERS.has(name) || (name === 'error' && typeof value === 'string')) continue;
    extensions[name] = value;
  }
  return extensions;
}

const STANDARD_MEMBERS = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'message',
  'statusCode',
]);

function messageOf(fields: Record<string, unknown>, error: HttpException): string {
  const message = fields.message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

function isBodyParserError(
  error: unknown,
): error is { status: number; type: string; message: string } {
  const candidate = error as { status?: unknown; type?: unknown };
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    typeof candidate.type === 'string'
  );
}
