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
exports.PublicationDispatcher = void 0;
const common_1 = require("@nestjs/common");
const unit_of_work_1 = require("../../transactions/unit-of-work");
const subscriber_invoker_1 = require("../subscriber-invoker");
const subscriptions_1 = require("../subscriptions");
const event_serializer_1 = require("./event-serializer");
const publication_store_1 = require("./publication-store");
const registry_options_1 = require("./registry-options");
const retry_policy_1 = require("./retry-policy");
/**
 * Delivers one publication to its subscriber, in one transaction that holds the publication's
 * row lock, runs the subscriber, and marks the publication completed. Either all of it commits
 * or none of it: a subscriber's database effects are therefore applied exactly once, however
 * often the publication is retried or recovered.
 */
let PublicationDispatcher = class PublicationDispatcher {
    constructor(store, subscriptions, invoker, unitOfWork, options) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.invoker = invoker;
        this.unitOfWork = unitOfWork;
        this.options = options;
        this.logger = new common_1.Logger('EventRegistry');
    }
    /** Delivers a publication this process has just recorded. */
    async dispatch(id, subscriber, event) {
        const subscription = this.subscriptions.bySubscriberName(subscriber);
        // Unknown here only when processes run different code (a rolling deploy): leave it owed, for a
        // process that knows the subscriber.
        if (!subscription)
            return;
        try {
            await this.invoker.invoke(subscription, event, {
                claim: () => this.store.lockPending(id),
                complete: () => this.store.markCompleted(id),
            });
        }
        catch (error) {
            await this.recordFailure(id, subscriber, event, error);
        }
    }
    /** Delivers a publication the relay claimed from the table. */
    async dispatchStored({ id, subscriber, event }) {
        const subscription = this.subscriptions.bySubscriberName(subscriber);
        let decoded;
        try {
            decoded = (0, event_serializer_1.deserializeEvent)(event, (type) => type === subscription?.eventClass.type ? subscription.eventClass : undefined);
        }
        catch (error) {
            return this.recordFailure(id, subscriber, undefined, error);
        }
        return this.dispatch(id, subscriber, decoded);
    }
    async recordFailure(id, subscriber, event, error) {
        const message = error instanceof Error ? error.message : String(error);
        const outcome = await this.unitOfWork
            .run(() => this.store.recordFailure(id, message, (attempts) => (0, retry_policy_1.isExhausted)(this.options.retry, attempts)
            ? null
            : (0, retry_policy_1.retryDelayMs)(this.options.retry, attempts)))
            .catch((storeError) => {
            // The lease expires and the relay retries it: nothing is lost, only this bookkeeping.
            this.logger.error({ err: storeError, publicationId: id }, 'Could not record a failed delivery');
            return null;
        });
        const givenUp = outcome?.status === 'failed';
        this.logger[givenUp ? 'error' : 'warn']({
            err: error,
            publicationId: id,
            subscriber,
            eventType: event?.type,
            eventId: event?.eventId,
            attempts: outcome?.attempts,
        }, `Subscriber ${subscriber} failed on ${event?.type ?? 'a stored event'} ${event?.eventId ?? id}` +
            `${givenUp ? ' and will not be retried' : ''}: ${message}`);
    }
};
exports.PublicationDispatcher = PublicationDispatcher;
exports.PublicationDispatcher = PublicationDispatcher = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, common_1.Inject)(registry_options_1.REGISTRY_OPTIONS)),
    __metadata("design:paramtypes", [publication_store_1.PublicationStore,
        subscriptions_1.Subscriptions,
        subscriber_invoker_1.SubscriberInvoker,
        unit_of_work_1.UnitOfWork, Object])
], PublicationDispatcher);
