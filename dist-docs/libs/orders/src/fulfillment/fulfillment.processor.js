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
exports.FulfillmentProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const cqrs_1 = require("@nestjs/cqrs");
const platform_1 = require("../../../platform/src/index.js");
const bullmq_2 = require("bullmq");
const fulfill_order_command_1 = require("./fulfill-order.command");
const fulfillment_queue_1 = require("./fulfillment-queue");
/** Delegates to the use case; a partner's 4xx ends the job at once, anything else is retried. */
let FulfillmentProcessor = class FulfillmentProcessor extends bullmq_1.WorkerHost {
    constructor(commands) {
        super();
        this.commands = commands;
    }
    process(job) {
        return (0, platform_1.runInJobTrace)(job, async () => {
            try {
                await this.commands.execute(new fulfill_order_command_1.FulfillOrderCommand(job.data.orderUuid));
            }
            catch (error) {
                if (error instanceof platform_1.PartnerRejectedError)
                    throw new bullmq_2.UnrecoverableError(error.message);
                throw error;
            }
        });
    }
};
exports.FulfillmentProcessor = FulfillmentProcessor;
exports.FulfillmentProcessor = FulfillmentProcessor = __decorate([
    (0, bullmq_1.Processor)(fulfillment_queue_1.FULFILLMENT_QUEUE, { concurrency: 8 }),
    __metadata("design:paramtypes", [cqrs_1.CommandBus])
], FulfillmentProcessor);
