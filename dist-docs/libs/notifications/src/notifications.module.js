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
exports.NotificationsModule = void 0;
const common_1 = require("@nestjs/common");
const contracts_1 = require("../../contracts/src/index.js");
const platform_1 = require("../../platform/src/index.js");
const notifications_repository_1 = require("./notifications.repository");
const notify_patient_1 = require("./notify-patient/notify-patient");
const view_notifications_controller_1 = require("./view-notifications/view-notifications.controller");
/**
 * Notifications: tells patients what happened to their orders. It only reacts to Orders' events;
 * nothing else knows it exists.
 */
let NotificationsModule = class NotificationsModule {
    constructor(events, notifyPatient) {
        this.events = events;
        this.notifyPatient = notifyPatient;
    }
    onModuleInit() {
        this.events.subscribe(contracts_1.OrderFulfilledEvent, 'notifications.notify-patient-when-order-shipped', (event) => this.notifyPatient.orderShipped(event));
        this.events.subscribe(contracts_1.OrderCancelledEvent, 'notifications.notify-patient-when-order-cancelled', (event) => this.notifyPatient.orderCancelled(event));
    }
};
exports.NotificationsModule = NotificationsModule;
exports.NotificationsModule = NotificationsModule = __decorate([
    (0, common_1.Module)({
        controllers: [view_notifications_controller_1.ViewNotificationsController],
        providers: [notifications_repository_1.NotificationsRepository, notify_patient_1.NotifyPatient],
    }),
    __metadata("design:paramtypes", [platform_1.EventBus,
        notify_patient_1.NotifyPatient])
], NotificationsModule);
