"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.env = exports.InvalidConfigurationError = void 0;
exports.parseEnv = parseEnv;
class InvalidConfigurationError extends Error {
    constructor(problems) {
        super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
        this.problems = problems;
    }
}
exports.InvalidConfigurationError = InvalidConfigurationError;
/**
 * Parses `env` against a schema of readers, collecting every problem before failing, so a bad
 * deployment is told everything that is wrong at once, each problem naming its variable.
 */
function parseEnv(schema, env = process.env) {
    const problems = [];
    const result = {};
    for (const [name, read] of Object.entries(schema)) {
        try {
            result[name] = read(blankToUndefined(env[name]));
        }
        catch (error) {
            problems.push(`${name}: ${error.message}`);
        }
    }
    if (problems.length > 0)
        throw new InvalidConfigurationError(problems);
    return result;
}
function blankToUndefined(raw) {
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}
function required(parse, fallback) {
    return (raw) => {
        if (raw !== undefined)
            return parse(raw);
        if (fallback !== undefined)
            return fallback;
        throw new Error('is required but not set');
    };
}
exports.env = {
    string: (fallback) => required((raw) => raw, fallback),
    /** A secret: required, with no default, and long enough to resist guessing. */
    secret: (minLength = 32) => required((raw) => {
        if (raw.length < minLength)
            throw new Error(`must be at least ${minLength} characters`);
        return raw;
    }),
    int: (fallback, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) => required((raw) => {
        const value = Number(raw);
        if (!Number.isInteger(value) || value < min || value > max) {
            throw new Error(`must be an integer from ${min} to ${max}, got "${raw}"`);
        }
        return value;
    }, fallback),
    bool: (fallback) => required((raw) => {
        if (raw === 'true')
            return true;
        if (raw === 'false')
            return false;
        throw new Error(`must be "true" or "false", got "${raw}"`);
    }, fallback),
    url: (protocols, fallback) => required((raw) => {
        let parsed;
        try {
            parsed = new URL(raw);
        }
        catch {
            throw new Error(`must be a URL, got "${raw}"`);
        }
        if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
            throw new Error(`must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
        }
        return raw.replace(/\/+$/, '');
    }, fallback),
    oneOf: (choices, fallback) => required((raw) => {
        if (!choices.includes(raw)) {
            throw new Error(`must be one of ${choices.join(', ')}, got "${raw}"`);
        }
        return raw;
    }, fallback),
};
