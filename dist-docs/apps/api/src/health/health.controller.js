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
exports.HealthController = exports.HEALTH_REDIS = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const terminus_1 = require("@nestjs/terminus");
const platform_1 = require("../../../../libs/platform/src/index.js");
const typeorm_1 = require("typeorm");
exports.HEALTH_REDIS = Symbol('HEALTH_REDIS');
let HealthController = class HealthController {
    constructor(health, indicators, dataSource, redis) {
        this.health = health;
        this.indicators = indicators;
        this.dataSource = dataSource;
        this.redis = redis;
    }
    /** The process is up and serving; says nothing about its dependencies. */
    live() {
        return { status: 'ok' };
    }
    /** Ready for traffic: PostgreSQL and Redis both answer. */
    ready() {
        return this.health.check([
            () => this.indicators
                .check('postgres')
                .attempt(async () => {
                await this.dataSource.query('select 1');
            })
                .withTimeout(2000),
            () => this.indicators
                .check('redis')
                .attempt(async () => {
                await this.redis.ping();
            })
                .withTimeout(2000),
        ]);
    }
};
exports.HealthController = HealthController;
__decorate([
    (0, common_1.Get)('live'),
    (0, platform_1.Public)(),
    (0, swagger_1.ApiOkResponse)({ description: 'The process is alive.' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], HealthController.prototype, "live", null);
__decorate([
    (0, common_1.Get)('ready'),
    (0, platform_1.Public)(),
    (0, terminus_1.HealthCheck)(),
    (0, swagger_1.ApiOkResponse)({ description: 'PostgreSQL and Redis answer.' }),
    (0, swagger_1.ApiServiceUnavailableResponse)({ description: 'A dependency does not answer.' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "ready", null);
exports.HealthController = HealthController = __decorate([
    (0, swagger_1.ApiTags)('health'),
    (0, common_1.Controller)('health'),
    __param(3, (0, common_1.Inject)(exports.HEALTH_REDIS)),
    __metadata("design:paramtypes", [terminus_1.HealthCheckService,
        terminus_1.HealthIndicatorService,
        typeorm_1.DataSource, Function])
], HealthController);
