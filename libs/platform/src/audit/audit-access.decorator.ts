import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const AUDITED_READ = 'audit:read';

export interface AuditedRead {
  /** The kind of record, e.g. `order`. */
  readonly resource: string;
  /** The route parameter holding the record's id; none for a list. */
  readonly idParam?: string;
}

/**
 * A route that reads patient records: each call is written to the access log with its actor, and
 * an admin must say why (X-Access-Reason). Admin actions need no decorator: every non-GET call by
 * an admin is logged.
 */
export const AuditRead = (resource: string, idParam?: string) =>
  applyDecorators(
    SetMetadata(AUDITED_READ, { resource, idParam } satisfies AuditedRead),
    ApiHeader({
      name: 'X-Access-Reason',
      required: false,
      description:
        'Required of admins (10 to 500 characters): why they read this record. Written to the access log.',
    }),
  );
