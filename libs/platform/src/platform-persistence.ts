import { AuditLogEntry } from './audit/audit-log-entry.entity';
import type { ModulePersistence } from './database/postgres-options';
import { EventPublication } from './events/registry/event-publication.entity';
import { CreateEventPublications1764115000000 } from './migrations/1764115000000-create-event-publications';
import { CreateAuditLog1764115050000 } from './migrations/1764115050000-create-audit-log';
import { AddPublicationTraceContext1764115060000 } from './migrations/1764115060000-add-publication-trace-context';
import { CreateEventInbox1764900000000 } from './migrations/1764900000000-create-event-inbox';

/** The platform's own tables: the event publication registry, the broker's inbox and the audit log. */
export const platformPersistence: ModulePersistence = {
  entities: [EventPublication, AuditLogEntry],
  migrations: [
    CreateEventPublications1764115000000,
    CreateAuditLog1764115050000,
    AddPublicationTraceContext1764115060000,
    CreateEventInbox1764900000000,
  ],
};
