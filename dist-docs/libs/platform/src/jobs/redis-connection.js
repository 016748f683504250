"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.redisConnection = redisConnection;
/**
 * ioredis options from a `redis://` URL. Producers fail fast while Redis is away (no offline
 * queue), so an enqueue that cannot happen is an error to retry rather than a request that hangs.
 * Workers block on Redis by design and must retry forever (`maxRetriesPerRequest: null`).
 */
function redisConnection(url, role) {
    const parsed = new URL(url);
    const base = {
        host: parsed.hostname,
        port: Number(parsed.port || 6379),
        db: Number(parsed.pathname.slice(1) || 0),
        username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
        password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
        tls: parsed.protocol === 'rediss:' ? {} : undefined,
        connectTimeout: 2000,
    };
    return role === 'worker'
        ? { ...base, maxRetriesPerRequest: null }
        : { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2000 };
}
