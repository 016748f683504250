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
exports.PublicationRelay = void 0;
const common_1 = require("@nestjs/common");
const unit_of_work_1 = require("../../transactions/unit-of-work");
const subscriptions_1 = require("../subscriptions");
const publication_dispatcher_1 = require("./publication-dispatcher");
const publication_store_1 = require("./publication-store");
const registry_options_1 = require("./registry-options");
const PURGE_EVERY_MS = 60_000;
const PURGE_BATCH = 10_000;
/**
 * Finishes what in-process dispatch could not: publications whose retry is due, and those left
 * behind by a process that died (their lease expired). Runs at startup and then on a timer, in
 * every process; claims use SKIP LOCKED, so relays never deliver the same publication twice.
 */
let PublicationRelay = class PublicationRelay {
    constructor(store, dispatcher, subscriptions, unitOfWork, options) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.subscriptions = subscriptions;
        this.unitOfWork = unitOfWork;
        this.options = options;
        this.logger = new common_1.Logger('EventRegistry');
        this.lastPurge = 0;
        this.stopped = false;
    }
    onApplicationBootstrap() {
        this.schedule(0);
    }
    async onApplicationShutdown() {
        this.stopped = true;
        clearTimeout(this.timer);
        await this.running;
    }
    /** One round: claims and delivers due publications until none is left. Returns how many. */
    async drain() {
        const subscribers = this.subscriptions.all().map((s) => s.subscriber);
        if (subscribers.length === 0)
            return 0;
        let delivered = 0;
        for (;;) {
            const claimed = await this.unitOfWork.run(() => this.store.claimDue(subscribers, this.options.batchSize, this.options.leaseMs));
            await this.deliver(claimed);
            delivered += claimed.length;
            if (claimed.length < this.options.batchSize || this.stopped)
                return delivered;
        }
    }
    async deliver(claimed) {
        let next = 0;
        const lane = async () => {
            while (next < claimed.length)
                await this.dispatcher.dispatchStored(claimed[next++]);
        };
        await Promise.all(Array.from({ length: this.options.concurrency }, lane));
    }
    schedule(delayMs) {
        if (this.stopped)
            return;
        this.timer = setTimeout(() => {
            this.running = this.round().finally(() => this.schedule(this.options.pollIntervalMs));
        }, delayMs);
        this.timer.unref();
    }
    /** Deletes expired completed publications in batches, until none is left. */
    async purge() {
        for (;;) {
            const deleted = await this.unitOfWork.run(() => this.store.purgeCompleted(this.options.retentionMs, PURGE_BATCH));
            if (deleted < PURGE_BATCH || this.stopped)
                return;
        }
    }
    async round() {
        try {
            const delivered = await this.drain();
            if (delivered > 0)
                this.logger.log({ delivered }, `Relay delivered ${delivered} publications`);
            if (Date.now() - this.lastPurge >= PURGE_EVERY_MS) {
                this.lastPurge = Date.now();
                await this.purge();
            }
        }
        catch (error) {
            // PostgreSQL may be restarting: try again next round.
            this.logger.warn({ err: error }, `Relay round failed: ${error.message}`);
        }
    }
};
exports.PublicationRelay = PublicationRelay;
exports.PublicationRelay = PublicationRelay = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, common_1.Inject)(registry_options_1.REGISTRY_OPTIONS)),
    __metadata("design:paramtypes", [publication_store_1.PublicationStore,
        publication_dispatcher_1.PublicationDispatcher,
        subscriptions_1.Subscriptions,
        unit_of_work_1.UnitOfWork, Object])
], PublicationRelay);
