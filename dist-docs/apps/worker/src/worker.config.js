"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.workerEnvSchema = void 0;
exports.loadWorkerConfig = loadWorkerConfig;
const platform_1 = require("../../../libs/platform/src/index.js");
exports.workerEnvSchema = {
    ...platform_1.coreEnvSchema,
    ERX_BASE_URL: platform_1.env.url(['http', 'https']),
    PHARMACY_BASE_URL: platform_1.env.url(['http', 'https']),
    PARTNER_TIMEOUT_MS: platform_1.env.int(5000, { min: 100, max: 120_000 }),
};
function loadWorkerConfig(source = process.env) {
    return (0, platform_1.parseEnv)(exports.workerEnvSchema, source);
}
