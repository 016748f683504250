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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
var HealthModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.HealthModule = void 0;
const common_1 = require("@nestjs/common");
const terminus_1 = require("@nestjs/terminus");
const platform_1 = require("../../../../libs/platform/src/index.js");
const ioredis_1 = __importDefault(require("ioredis"));
const health_controller_1 = require("./health.controller");
let HealthModule = HealthModule_1 = class HealthModule {
    constructor(redis) {
        this.redis = redis;
    }
    static forRoot(redisUrl) {
        return {
            module: HealthModule_1,
            imports: [terminus_1.TerminusModule.forRoot({ logger: false })],
            controllers: [health_controller_1.HealthController],
            providers: [
                {
                    provide: health_controller_1.HEALTH_REDIS,
                    // Its own connection, failing fast: a probe must answer "down", never hang.
                    useFactory: () => {
                        const redis = new ioredis_1.default((0, platform_1.redisConnection)(redisUrl, 'producer'));
                        redis.on('error', () => undefined);
                        return redis;
                    },
                },
            ],
        };
    }
    onApplicationShutdown() {
        this.redis.disconnect();
    }
};
exports.HealthModule = HealthModule;
exports.HealthModule = HealthModule = HealthModule_1 = __decorate([
    (0, common_1.Module)({}),
    __param(0, (0, common_1.Inject)(health_controller_1.HEALTH_REDIS)),
    __metadata("design:paramtypes", [ioredis_1.default])
], HealthModule);
