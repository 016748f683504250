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
exports.RegistryEventBus = void 0;
const common_1 = require("@nestjs/common");
const fault_points_1 = require("../../faults/fault-points");
const unit_of_work_1 = require("../../transactions/unit-of-work");
const event_bus_1 = require("../event-bus");
const subscriptions_1 = require("../subscriptions");
const publication_dispatcher_1 = require("./publication-dispatcher");
const publication_store_1 = require("./publication-store");
const registry_options_1 = require("./registry-options");
/**
 * The durable backend, after Spring Modulith's event publication registry: publishing writes one
 * row per subscriber inside the business transaction, so the commit that changes the data also
 * records what is owed to whom. Delivery starts right after commit, in this process; the relay
 * finishes whatever a crash or a failure left behind.
 */
let RegistryEventBus = class RegistryEventBus extends event_bus_1.EventBus {
    constructor(subscriptions, unitOfWork, store, dispatcher, faults, options) {
        super();
        this.subscriptions = subscriptions;
        this.unitOfWork = unitOfWork;
        this.store = store;
        this.dispatcher = dispatcher;
        this.faults = faults;
        this.options = options;
    }
    subscribe(eventClass, subscriber, handler, options) {
        this.subscriptions.add(eventClass, subscriber, handler, options);
    }
    async publish(event) {
        const subscribers = this.subscriptions.forType(event.type).map((s) => s.subscriber);
        if (subscribers.length === 0)
            return;
        // Outside a unit of work the event gets one of its own: recorded first, then delivered.
        if (!this.unitOfWork.isActive)
            return this.unitOfWork.run(() => this.publish(event));
        const ids = await this.store.record(event, subscribers, this.options.leaseMs);
        await this.unitOfWork.afterCommit(async () => {
            this.faults.hit('events.before-dispatch'); // committed, not yet delivered: the seed's gap
            for (const [index, id] of ids.entries()) {
                await this.dispatcher.dispatch(id, subscribers[index], event);
            }
        });
    }
};
exports.RegistryEventBus = RegistryEventBus;
exports.RegistryEventBus = RegistryEventBus = __decorate([
    (0, common_1.Injectable)(),
    __param(5, (0, common_1.Inject)(registry_options_1.REGISTRY_OPTIONS)),
    __metadata("design:paramtypes", [subscriptions_1.Subscriptions,
        unit_of_work_1.UnitOfWork,
        publication_store_1.PublicationStore,
        publication_dispatcher_1.PublicationDispatcher,
        fault_points_1.FaultPoints, Object])
], RegistryEventBus);
