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
exports.InMemoryEventBus = void 0;
const common_1 = require("@nestjs/common");
const fault_points_1 = require("../faults/fault-points");
const unit_of_work_1 = require("../transactions/unit-of-work");
const event_bus_1 = require("./event-bus");
const subscriber_invoker_1 = require("./subscriber-invoker");
const subscriptions_1 = require("./subscriptions");
/**
 * Delivers events in process, after commit. Fast and simple, but an event whose process dies
 * between the commit and the handler is lost: the durable registry backend closes that gap.
 */
let InMemoryEventBus = class InMemoryEventBus extends event_bus_1.EventBus {
    constructor(subscriptions, unitOfWork, invoker, faults) {
        super();
        this.subscriptions = subscriptions;
        this.unitOfWork = unitOfWork;
        this.invoker = invoker;
        this.faults = faults;
        this.logger = new common_1.Logger('EventBus');
    }
    subscribe(eventClass, subscriber, handler, options) {
        this.subscriptions.add(eventClass, subscriber, handler, options);
    }
    publish(event) {
        return this.unitOfWork.afterCommit(() => {
            this.faults.hit('events.before-dispatch'); // a crash here loses the event: see the registry
            return this.deliver(event);
        });
    }
    async deliver(event) {
        for (const subscription of this.subscriptions.forType(event.type)) {
            try {
                await this.invoker.invoke(subscription, event);
            }
            catch (error) {
                this.logger.error({
                    err: error,
                    eventType: event.type,
                    eventId: event.eventId,
                    subscriber: subscription.subscriber,
                }, `Subscriber ${subscription.subscriber} failed on ${event.type} ${event.eventId}`);
            }
        }
    }
};
exports.InMemoryEventBus = InMemoryEventBus;
exports.InMemoryEventBus = InMemoryEventBus = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [subscriptions_1.Subscriptions,
        unit_of_work_1.UnitOfWork,
        subscriber_invoker_1.SubscriberInvoker,
        fault_points_1.FaultPoints])
], InMemoryEventBus);
