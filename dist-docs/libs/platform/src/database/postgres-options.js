"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.postgresOptions = postgresOptions;
/**
 * One PostgreSQL database for the whole monolith; each module owns its tables. Schema changes
 * go through migrations only (`synchronize` is never on).
 */
function postgresOptions(settings, modules) {
    return {
        type: 'postgres',
        url: settings.url,
        poolSize: settings.poolSize,
        entities: modules.flatMap((module) => module.entities),
        migrations: modules.flatMap((module) => module.migrations),
        migrationsTransactionMode: 'each',
        synchronize: false,
        extra: { connectionTimeoutMillis: 5000 },
    };
}
