import { AccessLogEntry } from './audit/access-log-entry.entity';
import { AuditLogEntry } from './audit/audit-log-entry.entity';
import type { ModulePersistence } from './database/postgres-options';
import { EventPublication } from './events/registry/event-publication.entity';
import { CreateEventPublications1764115000000 } from './migrations/1764115000000-create-event-publications';
import { CreateAuditLog1764115050000 } from './migrations/1764115050000-create-audit-log';
import { AddPublicationTraceContext1764115060000 } from './migrations/1764115060000-add-publication-trace-context';
import { CreateAccessLog1764115700000 } from './migrations/1764115700000-create-access-log';
import { CreateEventInbox1764900000000 } from './migrations/1764900000000-create-event-inbox';

/** The platform's own tables: the event publication registry, the broker's inbox, the audit
 * log of changes and the access log. */
export const platformPersistence: ModulePersistence = {
  entities: [EventPublication, AuditLogEntry, AccessLogEntry],
  migrations: [
    CreateEventPublications1764115000000,
    CreateAuditLog1764115050000,
    AddPublicationTraceContext1764115060000,
    CreateAccessLog1764115700000,
    CreateEventInbox1764900000000,
  ],
};
