"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.notificationsPersistence = exports.NotificationsModule = void 0;
const _1764115400000_create_notifications_1 = require("./migrations/1764115400000-create-notifications");
const notification_entity_1 = require("./notification.entity");
var notifications_module_1 = require("./notifications.module");
Object.defineProperty(exports, "NotificationsModule", { enumerable: true, get: function () { return notifications_module_1.NotificationsModule; } });
exports.notificationsPersistence = {
    entities: [notification_entity_1.Notification],
    migrations: [_1764115400000_create_notifications_1.CreateNotifications1764115400000],
};
