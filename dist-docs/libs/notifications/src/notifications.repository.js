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
exports.NotificationsRepository = void 0;
const common_1 = require("@nestjs/common");
const platform_1 = require("../../platform/src/index.js");
const notification_entity_1 = require("./notification.entity");
/** Notifications as the current unit of work sees them. */
let NotificationsRepository = class NotificationsRepository {
    constructor(unitOfWork) {
        this.unitOfWork = unitOfWork;
    }
    /**
     * Inserts the notification unless one of the same kind exists for the order (the unique
     * constraint on (order_uuid, kind)), so a duplicate event changes nothing. Returns whether a
     * row was inserted.
     */
    async insertOnce(notification) {
        const { id, patientId, kind, orderUuid, message } = notification;
        const result = await this.unitOfWork.manager
            .createQueryBuilder()
            .insert()
            .into(notification_entity_1.Notification)
            .values({ id, patientId, kind, orderUuid, message })
            .orIgnore() // ON CONFLICT DO NOTHING
            .returning(['id'])
            .updateEntity(false)
            .execute();
        return result.raw.length > 0;
    }
    /** The patient's newest notifications first. */
    findForPatient(patientId, limit) {
        return this.unitOfWork.manager.find(notification_entity_1.Notification, {
            where: { patientId },
            order: { createdAt: 'DESC', id: 'ASC' },
            take: limit,
        });
    }
};
exports.NotificationsRepository = NotificationsRepository;
exports.NotificationsRepository = NotificationsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [platform_1.UnitOfWork])
], NotificationsRepository);
