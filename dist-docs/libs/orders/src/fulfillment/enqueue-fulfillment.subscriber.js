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
exports.EnqueueFulfillmentSubscriber = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const platform_1 = require("../../../platform/src/index.js");
const bullmq_2 = require("bullmq");
const fulfillment_queue_1 = require("./fulfillment-queue");
/** Hands a ready order to the worker. Runs after commit, so the job never sees uncommitted data. */
let EnqueueFulfillmentSubscriber = class EnqueueFulfillmentSubscriber {
    constructor(queue, policy) {
        this.queue = queue;
        this.policy = policy;
    }
    async handle(event) {
        const { orderUuid } = event.payload;
        await (0, platform_1.enqueueJob)(this.queue, 'fulfill-order', (0, platform_1.withTrace)({ orderUuid }), (0, platform_1.jobOptions)(this.policy, (0, fulfillment_queue_1.fulfillmentJobId)(orderUuid)));
    }
};
exports.EnqueueFulfillmentSubscriber = EnqueueFulfillmentSubscriber;
exports.EnqueueFulfillmentSubscriber = EnqueueFulfillmentSubscriber = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, bullmq_1.InjectQueue)(fulfillment_queue_1.FULFILLMENT_QUEUE)),
    __param(1, (0, common_1.Inject)(platform_1.JOB_POLICY)),
    __metadata("design:paramtypes", [bullmq_2.Queue, Object])
], EnqueueFulfillmentSubscriber);
