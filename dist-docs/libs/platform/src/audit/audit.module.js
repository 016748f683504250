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
var AuditModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const audit_subscriber_1 = require("./audit-subscriber");
const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');
/** Adds the audit subscriber to the application's DataSource, for as long as the app runs. */
let AuditSubscriberRegistration = class AuditSubscriberRegistration {
    constructor(dataSource, options) {
        this.dataSource = dataSource;
        this.subscriber = new audit_subscriber_1.AuditSubscriber(options);
    }
    onModuleInit() {
        this.dataSource.subscribers.push(this.subscriber);
    }
    onModuleDestroy() {
        const index = this.dataSource.subscribers.indexOf(this.subscriber);
        if (index >= 0)
            this.dataSource.subscribers.splice(index, 1);
    }
};
AuditSubscriberRegistration = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(typeorm_1.DataSource)),
    __param(1, (0, common_1.Inject)(AUDIT_OPTIONS)),
    __metadata("design:paramtypes", [typeorm_1.DataSource, Object])
], AuditSubscriberRegistration);
/**
 * The audit log of column changes, configured by table from the app, so no module has to mark
 * its entities: `AuditModule.forRoot({ tables: { orders: ['status'] } })`. Needs the platform's
 * `audit_log` table (platformPersistence).
 */
let AuditModule = AuditModule_1 = class AuditModule {
    static forRoot(options) {
        return {
            module: AuditModule_1,
            providers: [{ provide: AUDIT_OPTIONS, useValue: options }, AuditSubscriberRegistration],
        };
    }
};
exports.AuditModule = AuditModule;
exports.AuditModule = AuditModule = AuditModule_1 = __decorate([
    (0, common_1.Module)({})
], AuditModule);
