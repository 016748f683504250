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
exports.AuditLogEntry = void 0;
const typeorm_1 = require("typeorm");
/** One change of one audited column of one row, written in the transaction that made it. */
let AuditLogEntry = class AuditLogEntry {
};
exports.AuditLogEntry = AuditLogEntry;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('increment', { type: 'bigint' }),
    __metadata("design:type", String)
], AuditLogEntry.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], AuditLogEntry.prototype, "entity", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'entity_id' }),
    __metadata("design:type", String)
], AuditLogEntry.prototype, "entityId", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], AuditLogEntry.prototype, "field", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'old_value', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntry.prototype, "oldValue", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'new_value', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntry.prototype, "newValue", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'changed_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], AuditLogEntry.prototype, "changedAt", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'correlation_id', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntry.prototype, "correlationId", void 0);
exports.AuditLogEntry = AuditLogEntry = __decorate([
    (0, typeorm_1.Entity)('audit_log')
], AuditLogEntry);
