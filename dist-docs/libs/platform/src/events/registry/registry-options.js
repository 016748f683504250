"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_REGISTRY_OPTIONS = exports.REGISTRY_OPTIONS = void 0;
exports.REGISTRY_OPTIONS = Symbol('REGISTRY_OPTIONS');
exports.DEFAULT_REGISTRY_OPTIONS = {
    retry: { maxAttempts: 20, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 },
    leaseMs: 30_000,
    pollIntervalMs: 1000,
    batchSize: 100,
    concurrency: 8,
    retentionMs: 7 * 24 * 3600_000,
};
