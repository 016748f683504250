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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ViewNotificationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const platform_1 = require("../../../platform/src/index.js");
const notifications_repository_1 = require("../notifications.repository");
const notification_view_1 = require("./notification.view");
const LIMIT = 100;
let ViewNotificationsController = class ViewNotificationsController {
    constructor(notifications) {
        this.notifications = notifications;
    }
    async mine(patient) {
        return (await this.notifications.findForPatient(patient.id, LIMIT)).map(notification_view_1.toNotificationView);
    }
};
exports.ViewNotificationsController = ViewNotificationsController;
__decorate([
    (0, common_1.Get)(),
    (0, platform_1.Roles)('patient'),
    (0, swagger_1.ApiOkResponse)({
        type: [notification_view_1.NotificationView],
        description: `The caller's own notifications, newest first (at most ${LIMIT}).`,
    }),
    __param(0, (0, platform_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], ViewNotificationsController.prototype, "mine", null);
exports.ViewNotificationsController = ViewNotificationsController = __decorate([
    (0, swagger_1.ApiTags)('notifications'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('notifications'),
    __metadata("design:paramtypes", [notifications_repository_1.NotificationsRepository])
], ViewNotificationsController);
