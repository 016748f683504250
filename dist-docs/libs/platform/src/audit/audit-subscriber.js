"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditSubscriber = void 0;
const trace_context_1 = require("../context/trace-context");
const audit_log_entry_entity_1 = require("./audit-log-entry.entity");
const update_statement_1 = require("./update-statement");
/**
 * Writes an audit_log row for every change of an audited column, with the manager of the
 * transaction that makes the change: the audit row commits or rolls back with it. A model-level
 * hook: it sees every write through TypeORM, whichever module makes it, and knows nothing of
 * the domain. (Raw SQL, `manager.query()`, bypasses it.)
 *
 * What TypeORM hands a subscriber depends on how the row is written:
 * - `insert()`: `event.entity` is the inserted values, primary key included. (An insert that
 *   ends `on conflict do nothing` is reported the same way: keep upserts off audited tables.)
 * - `save()`: TypeORM loaded the row first, so `event.databaseEntity` is the old version and
 *   `event.entity` the new one.
 * - `update(Entity, criteria, partial)`, what the repositories use: `event.entity` is only the
 *   partial (`{ status }`), with no criteria, no primary key, no `databaseEntity` and empty
 *   `updatedColumns`. So for those the subscriber takes the WHERE of the UPDATE statement in
 *   `beforeQuery` (same query runner), reads the rows it will change, `FOR UPDATE`, and after the
 *   update reads them again by primary key to record old and new values.
 */
class AuditSubscriber {
    constructor(options) {
        this.options = options;
        this.pending = new WeakMap();
        this.auditedColumnsCache = new Map();
    }
    async afterInsert(event) {
        const columns = this.auditedColumns(event.metadata);
        if (columns.length === 0 || !event.entity)
            return;
        let row = rowOf(event.metadata, columns, event.entity);
        if (Object.values(row).some((value) => value === undefined || typeof value === 'function')) {
            // A default or an SQL expression: read what the database stored.
            const where = byKeys(event.queryRunner, event.metadata, [row]);
            [row] = await this.read(event.queryRunner, event.metadata, columns, where);
        }
        if (!row)
            return;
        await this.write(event, diff(event.metadata, columns, [{ before: undefined, after: row }]));
    }
    beforeUpdate(event) {
        const { entity: partial, metadata } = event;
        if (event.databaseEntity || !partial)
            return; // save(): afterUpdate sees both versions.
        const columns = this.auditedColumns(metadata);
        if (!columns.some((column) => column.getEntityValue(partial) !== undefined))
            return;
        const queue = this.pending.get(event.queryRunner) ?? [];
        queue.push({ metadata, columns, statementStart: updateStart(event) });
        this.pending.set(event.queryRunner, queue);
    }
    async beforeQuery(event) {
        const queue = this.pending.get(event.queryRunner);
        if (!queue)
            return; // every other query of the application stops here
        const update = queue.find((candidate) => !candidate.statement && stripComment(event.query).startsWith(candidate.statementStart));
        if (!update)
            return;
        update.statement = { query: event.query, parameters: event.parameters };
        try {
            const parameters = Array.isArray(event.parameters) ? event.parameters : [];
            const where = (0, update_statement_1.whereConditionOf)(event.query, parameters) ?? { sql: 'true', parameters: [] };
            update.before = await this.read(event.queryRunner, update.metadata, update.columns, where, {
                lock: true,
            });
        }
        catch (error) {
            this.forget(event.queryRunner, update);
            throw error;
        }
    }
    afterQuery(event) {
        if (event.success)
            return;
        const queue = this.pending.get(event.queryRunner);
        const failed = queue?.find((candidate) => candidate.statement?.query === event.query &&
            candidate.statement.parameters === event.parameters);
        if (failed)
            this.forget(event.queryRunner, failed); // no afterUpdate will come for it
    }
    async afterUpdate(event) {
        if (event.databaseEntity)
            return this.afterSave(event);
        const update = this.pending
            .get(event.queryRunner)
            ?.find((candidate) => candidate.metadata === event.metadata);
        if (!update)
            return;
        this.forget(event.queryRunner, update);
        if (!update.statement) {
            // Fail closed: an unaudited change must not commit silently.
            throw new Error(`Audit: the UPDATE of ${event.metadata.tableName} was not recognised (${update.statementStart}...)`);
        }
        const before = update.before ?? [];
        if (before.length === 0)
            return;
        const after = await this.read(event.queryRunner, update.metadata, update.columns, byKeys(event.queryRunner, update.metadata, before));
        const key = (row) => entityIdOf(update.metadata, row);
        const afterByKey = new Map(after.map((row) => [key(row), row]));
        const pairs = before.map((row) => ({ before: row, after: afterByKey.get(key(row)) }));
        await this.write(event, diff(update.metadata, update.columns, pairs));
    }
    async afterSave(event) {
        const columns = this.auditedColumns(event.metadata);
        if (columns.length === 0 || !event.entity)
            return;
        const before = rowOf(event.metadata, columns, event.databaseEntity);
        const after = rowOf(event.metadata, columns, event.entity);
        await this.write(event, diff(event.metadata, columns, [{ before, after }]));
    }
    auditedColumns(metadata) {
        let columns = this.auditedColumnsCache.get(metadata);
        if (!columns) {
            columns = (this.options.tables[metadata.tableName] ?? []).map((name) => {
                const column = metadata.findColumnWithDatabaseName(name);
                if (!column)
                    throw new Error(`Audit: ${metadata.tableName} has no column ${name}`);
                return column;
            });
            this.auditedColumnsCache.set(metadata, columns);
        }
        return columns;
    }
    /** Primary key and audited columns, by database name, of the rows matching `where`. */
    async read(runner, metadata, columns, where, { lock = false } = {}) {
        const escape = escaper(runner);
        const names = [...metadata.primaryColumns, ...columns].map((c) => escape(c.databaseName));
        return runner.query(`SELECT ${names.join(', ')} FROM ${tableOf(runner, metadata)} WHERE ${where.sql}` +
            (lock ? ' FOR UPDATE' : ''), where.parameters);
    }
    async write(event, changes) {
        if (changes.length === 0)
            return;
        const correlationId = trace_context_1.Trace.current()?.correlationId ?? null;
        await event.manager.insert(audit_log_entry_entity_1.AuditLogEntry, changes.map((change) => ({ entity: event.metadata.tableName, correlationId, ...change })));
    }
    forget(runner, update) {
        const queue = this.pending.get(runner);
        if (!queue)
            return;
        queue.splice(queue.indexOf(update), 1);
        if (queue.length === 0)
            this.pending.delete(runner);
    }
}
exports.AuditSubscriber = AuditSubscriber;
/** The changed audited columns of each row; rows are keyed by database column name. */
function diff(metadata, columns, pairs) {
    return pairs.flatMap(({ before, after }) => {
        const entityId = entityIdOf(metadata, (after ?? before));
        return columns.flatMap((column) => {
            const oldValue = text(before?.[column.databaseName]);
            const newValue = text(after?.[column.databaseName]);
            return oldValue === newValue
                ? []
                : [{ entityId, field: column.databaseName, oldValue, newValue }];
        });
    });
}
/** An entity (property names) as a row (database names): primary key and `columns`. */
function rowOf(metadata, columns, entity) {
    return Object.fromEntries([...metadata.primaryColumns, ...columns].map((c) => [c.databaseName, c.getEntityValue(entity)]));
}
function entityIdOf(metadata, row) {
    return metadata.primaryColumns.map((c) => String(row[c.databaseName])).join(',');
}
/** `(pk) IN ((...), ...)` for the given rows. */
function byKeys(runner, metadata, rows) {
    const keys = metadata.primaryColumns.map((c) => escaper(runner)(c.databaseName));
    const parameters = [];
    const tuples = rows.map((row) => `(${metadata.primaryColumns
        .map((c) => `$${parameters.push(row[c.databaseName])}`)
        .join(', ')})`);
    return { sql: `(${keys.join(', ')}) IN (${tuples.join(', ')})`, parameters };
}
function escaper(runner) {
    return (name) => runner.connection.driver.escape(name);
}
/** The table's name as TypeORM writes it in SQL (`"orders"`, `"schema"."table"`). */
function tableOf(runner, metadata) {
    return metadata.tablePath.split('.').map(escaper(runner)).join('.');
}
/** How TypeORM's UpdateQueryBuilder starts the statement for this entity. */
function updateStart(event) {
    return `UPDATE ${tableOf(event.queryRunner, event.metadata)} SET `;
}
/** Drops the `/* comment *\/ ` TypeORM puts first when a query builder has `.comment()`. */
function stripComment(query) {
    return query.startsWith('/*') ? query.slice(query.indexOf('*/') + 2).trimStart() : query;
}
function text(value) {
    if (value === null || value === undefined)
        return null;
    if (value instanceof Date)
        return value.toISOString();
    if (typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
