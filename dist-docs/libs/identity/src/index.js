"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.identityPersistence = exports.seedDemoUsers = exports.DEMO_USERS = exports.IdentityModule = void 0;
const _1764115100000_create_users_1 = require("./migrations/1764115100000-create-users");
const user_entity_1 = require("./user.entity");
var identity_module_1 = require("./identity.module");
Object.defineProperty(exports, "IdentityModule", { enumerable: true, get: function () { return identity_module_1.IdentityModule; } });
var demo_users_1 = require("./demo-users");
Object.defineProperty(exports, "DEMO_USERS", { enumerable: true, get: function () { return demo_users_1.DEMO_USERS; } });
Object.defineProperty(exports, "seedDemoUsers", { enumerable: true, get: function () { return demo_users_1.seedDemoUsers; } });
exports.identityPersistence = {
    entities: [user_entity_1.User],
    migrations: [_1764115100000_create_users_1.CreateUsers1764115100000],
};
