"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.apiEnvSchema = void 0;
exports.loadApiConfig = loadApiConfig;
const platform_1 = require("../../../libs/platform/src/index.js");
exports.apiEnvSchema = {
    ...platform_1.coreEnvSchema,
    PORT: platform_1.env.int(3000, { min: 1, max: 65535 }),
    JWT_SECRET: platform_1.env.secret(32),
    JWT_TTL_SECONDS: platform_1.env.int(3600, { min: 60, max: 30 * 24 * 3600 }),
    AUTH_DEV_LOGIN: platform_1.env.bool(false),
    QUEUES_DASHBOARD: platform_1.env.bool(false),
};
function loadApiConfig(source = process.env) {
    return (0, platform_1.parseEnv)(exports.apiEnvSchema, source);
}
