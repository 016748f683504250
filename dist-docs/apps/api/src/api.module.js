"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var ApiModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const ehr_1 = require("../../../libs/ehr/src/index.js");
const identity_1 = require("../../../libs/identity/src/index.js");
const notifications_1 = require("../../../libs/notifications/src/index.js");
const orders_1 = require("../../../libs/orders/src/index.js");
const platform_1 = require("../../../libs/platform/src/index.js");
const health_module_1 = require("./health/health.module");
const modules_1 = require("./modules");
/** The HTTP host: wires the platform and the feature modules; holds no business logic. */
let ApiModule = ApiModule_1 = class ApiModule {
    static forRoot(config) {
        return {
            module: ApiModule_1,
            imports: [
                platform_1.LoggingModule.forRoot(config.LOG_LEVEL),
                platform_1.PlatformModule.forRoot((0, platform_1.platformOptionsFrom)(config, (0, modules_1.databaseOptions)(config))),
                platform_1.AuditModule.forRoot({ tables: { orders: ['status'], prescriptions: ['status'] } }),
                platform_1.AuthModule.forRoot({
                    jwtSecret: config.JWT_SECRET,
                    tokenTtlSeconds: config.JWT_TTL_SECONDS,
                }),
                cqrs_1.CqrsModule.forRoot(),
                bullmq_1.BullModule.forRoot({ connection: (0, platform_1.redisConnection)(config.REDIS_URL, 'producer') }),
                identity_1.IdentityModule.forRoot({ devLogin: config.AUTH_DEV_LOGIN }),
                orders_1.OrdersModule,
                ehr_1.EhrModule,
                notifications_1.NotificationsModule,
                platform_1.PublicationsAdminModule,
                health_module_1.HealthModule.forRoot(config.REDIS_URL),
            ],
        };
    }
};
exports.ApiModule = ApiModule;
exports.ApiModule = ApiModule = ApiModule_1 = __decorate([
    (0, common_1.Module)({})
], ApiModule);
