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
exports.SubscriberInvoker = void 0;
const common_1 = require("@nestjs/common");
const trace_context_1 = require("../context/trace-context");
const unit_of_work_1 = require("../transactions/unit-of-work");
/**
 * Runs one subscriber for one event the way every backend must: in a transaction of its own, with
 * the event's correlation id carried on and the event itself recorded as the cause of what follows.
 */
let SubscriberInvoker = class SubscriberInvoker {
    constructor(unitOfWork) {
        this.unitOfWork = unitOfWork;
    }
    invoke(subscription, event, hooks = {}) {
        const trace = { correlationId: event.correlationId, causationId: event.eventId };
        return trace_context_1.Trace.run(trace, () => this.unitOfWork.run(async () => {
            if (hooks.claim && !(await hooks.claim()))
                return;
            await subscription.handler(event);
            await hooks.complete?.();
        }));
    }
};
exports.SubscriberInvoker = SubscriberInvoker;
exports.SubscriberInvoker = SubscriberInvoker = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [unit_of_work_1.UnitOfWork])
], SubscriberInvoker);
