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
exports.EventPublication = exports.PUBLICATION_STATUSES = void 0;
const typeorm_1 = require("typeorm");
exports.PUBLICATION_STATUSES = ['pending', 'completed', 'failed'];
/**
 * One event owed to one subscriber: the registry's unit of delivery. Written in the transaction
 * that publishes the event; marked completed in the transaction of the subscriber that handled
 * it. A pending row whose `nextAttemptAt` is in the future is either waiting for its retry or
 * claimed by a process dispatching it now (the lease).
 */
let EventPublication = class EventPublication {
};
exports.EventPublication = EventPublication;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], EventPublication.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'event_id' }),
    __metadata("design:type", String)
], EventPublication.prototype, "eventId", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'event_type' }),
    __metadata("design:type", String)
], EventPublication.prototype, "eventType", void 0);
__decorate([
    (0, typeorm_1.Column)('integer', { name: 'event_version' }),
    __metadata("design:type", Number)
], EventPublication.prototype, "eventVersion", void 0);
__decorate([
    (0, typeorm_1.Column)('jsonb'),
    __metadata("design:type", Object)
], EventPublication.prototype, "event", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], EventPublication.prototype, "subscriber", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], EventPublication.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)('integer'),
    __metadata("design:type", Number)
], EventPublication.prototype, "attempts", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'last_error', nullable: true }),
    __metadata("design:type", Object)
], EventPublication.prototype, "lastError", void 0);
__decorate([
    (0, typeorm_1.Column)('timestamptz', { name: 'next_attempt_at' }),
    __metadata("design:type", Date)
], EventPublication.prototype, "nextAttemptAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], EventPublication.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)('timestamptz', { name: 'completed_at', nullable: true }),
    __metadata("design:type", Object)
], EventPublication.prototype, "completedAt", void 0);
exports.EventPublication = EventPublication = __decorate([
    (0, typeorm_1.Entity)('event_publications')
], EventPublication);
