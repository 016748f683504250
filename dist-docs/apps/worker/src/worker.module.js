"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var WorkerModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const ehr_1 = require("../../../libs/ehr/src/index.js");
const notifications_1 = require("../../../libs/notifications/src/index.js");
const orders_1 = require("../../../libs/orders/src/index.js");
const platform_1 = require("../../../libs/platform/src/index.js");
/** The job host: the same modules as the API, plus their BullMQ processors; no HTTP. */
let WorkerModule = WorkerModule_1 = class WorkerModule {
    static forRoot(config) {
        const timeoutMs = config.PARTNER_TIMEOUT_MS;
        return {
            module: WorkerModule_1,
            imports: [
                platform_1.LoggingModule.forRoot(config.LOG_LEVEL),
                platform_1.PlatformModule.forRoot((0, platform_1.platformOptionsFrom)(config, (0, platform_1.postgresOptions)({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }, [
                    platform_1.platformPersistence,
                    orders_1.ordersPersistence,
                    ehr_1.ehrPersistence,
                    notifications_1.notificationsPersistence,
                ]))),
                platform_1.AuditModule.forRoot({ tables: { orders: ['status'], prescriptions: ['status'] } }),
                cqrs_1.CqrsModule.forRoot(),
                bullmq_1.BullModule.forRoot({ connection: (0, platform_1.redisConnection)(config.REDIS_URL, 'worker') }),
                ehr_1.EhrWorkerModule.forRoot({ baseUrl: config.ERX_BASE_URL, timeoutMs }),
                orders_1.OrdersWorkerModule.forRoot({ baseUrl: config.PHARMACY_BASE_URL, timeoutMs }),
                notifications_1.NotificationsModule,
            ],
        };
    }
};
exports.WorkerModule = WorkerModule;
exports.WorkerModule = WorkerModule = WorkerModule_1 = __decorate([
    (0, common_1.Module)({})
], WorkerModule);
