"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.retryDelayMs = retryDelayMs;
exports.isExhausted = isExhausted;
/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of
 * many publications that failed together (Redis down) spread out instead of stampeding back.
 */
function retryDelayMs(policy, attemptsMade, random = Math.random) {
    const exponential = policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1);
    const capped = Math.min(policy.maxDelayMs, exponential);
    return Math.round(capped / 2 + (capped / 2) * random());
}
function isExhausted(policy, attemptsMade) {
    return attemptsMade >= policy.maxAttempts;
}
