"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.platformPersistence = void 0;
const audit_log_entry_entity_1 = require("./audit/audit-log-entry.entity");
const event_publication_entity_1 = require("./events/registry/event-publication.entity");
const _1764115000000_create_event_publications_1 = require("./migrations/1764115000000-create-event-publications");
const _1764115050000_create_audit_log_1 = require("./migrations/1764115050000-create-audit-log");
/** The platform's own tables: the event publication registry and the audit log. */
exports.platformPersistence = {
    entities: [event_publication_entity_1.EventPublication, audit_log_entry_entity_1.AuditLogEntry],
    migrations: [_1764115000000_create_event_publications_1.CreateEventPublications1764115000000, _1764115050000_create_audit_log_1.CreateAuditLog1764115050000],
};
