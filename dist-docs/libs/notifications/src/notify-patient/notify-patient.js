"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotifyPatient = void 0;
const common_1 = require("@nestjs/common");
const notification_entity_1 = require("../notification.entity");
const notifications_repository_1 = require("../notifications.repository");
/**
 * Reactions to Orders' events. Each runs in the transaction the event bus opened for the
 * subscriber, so the insert commits together with the delivery's bookkeeping.
 */
let NotifyPatient = class NotifyPatient {
    constructor(notifications) {
        this.notifications = notifications;
        this.logger = new common_1.Logger('Notifications');
    }
    orderShipped({ payload }) {
        return this.record(notification_entity_1.Notification.orderShipped(payload));
    }
    orderCancelled({ payload }) {
        return this.record(notification_entity_1.Notification.orderCancelled(payload));
    }
    async record(notification) {
        const { kind, orderUuid } = notification;
        if (await this.notifications.insertOnce(notification)) {
            this.logger.log({ orderUuid, kind }, `Notified the patient: ${kind} for order ${orderUuid}`);
        }
    }
};
exports.NotifyPatient = NotifyPatient;
exports.NotifyPatient = NotifyPatient = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [notifications_repository_1.NotificationsRepository])
], NotifyPatient);
