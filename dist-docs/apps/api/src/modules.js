"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.databaseOptions = databaseOptions;
const ehr_1 = require("../../../libs/ehr/src/index.js");
const identity_1 = require("../../../libs/identity/src/index.js");
const notifications_1 = require("../../../libs/notifications/src/index.js");
const orders_1 = require("../../../libs/orders/src/index.js");
const platform_1 = require("../../../libs/platform/src/index.js");
/** The database of the whole monolith: every module's tables and migrations, in one place. */
function databaseOptions(config) {
    return (0, platform_1.postgresOptions)({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }, [
        platform_1.platformPersistence,
        identity_1.identityPersistence,
        orders_1.ordersPersistence,
        ehr_1.ehrPersistence,
        notifications_1.notificationsPersistence,
    ]);
}
