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
var PlatformModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlatformModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const event_bus_1 = require("./events/event-bus");
const in_memory_event_bus_1 = require("./events/in-memory-event-bus");
const publication_dispatcher_1 = require("./events/registry/publication-dispatcher");
const publication_relay_1 = require("./events/registry/publication-relay");
const publication_store_1 = require("./events/registry/publication-store");
const registry_event_bus_1 = require("./events/registry/registry-event-bus");
const registry_options_1 = require("./events/registry/registry-options");
const subscriber_invoker_1 = require("./events/subscriber-invoker");
const subscriptions_1 = require("./events/subscriptions");
const fault_points_1 = require("./faults/fault-points");
const job_policy_1 = require("./jobs/job-policy");
const unit_of_work_1 = require("./transactions/unit-of-work");
const DEFAULT_JOB_POLICY = {
    attempts: 5,
    backoffMs: 1000,
    retentionSeconds: 7 * 24 * 3600,
};
let DataSourceLifecycle = class DataSourceLifecycle {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    async onApplicationShutdown() {
        if (this.dataSource.isInitialized)
            await this.dataSource.destroy();
    }
};
DataSourceLifecycle = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(typeorm_1.DataSource)),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], DataSourceLifecycle);
/**
 * The small platform every feature module stands on: the database, the unit of work with its
 * after-commit queue, the one event bus, and the retry policy of jobs. Global, so modules inject
 * these without importing it.
 */
let PlatformModule = PlatformModule_1 = class PlatformModule {
    static forRoot(options) {
        const backend = options.eventBusBackend ?? 'registry';
        const common = [
            {
                provide: typeorm_1.DataSource,
                useFactory: async () => new typeorm_1.DataSource(options.database).initialize(),
            },
            DataSourceLifecycle,
            unit_of_work_1.UnitOfWork,
            subscriptions_1.Subscriptions,
            subscriber_invoker_1.SubscriberInvoker,
            fault_points_1.FaultPoints,
            { provide: job_policy_1.JOB_POLICY, useValue: options.jobs ?? DEFAULT_JOB_POLICY },
            { provide: registry_options_1.REGISTRY_OPTIONS, useValue: options.registry ?? registry_options_1.DEFAULT_REGISTRY_OPTIONS },
            publication_store_1.PublicationStore,
        ];
        const bus = backend === 'registry'
            ? [
                publication_dispatcher_1.PublicationDispatcher,
                publication_relay_1.PublicationRelay,
                registry_event_bus_1.RegistryEventBus,
                { provide: event_bus_1.EventBus, useExisting: registry_event_bus_1.RegistryEventBus },
            ]
            : [in_memory_event_bus_1.InMemoryEventBus, { provide: event_bus_1.EventBus, useExisting: in_memory_event_bus_1.InMemoryEventBus }];
        return {
            module: PlatformModule_1,
            providers: [...common, ...bus],
            exports: [
                typeorm_1.DataSource,
                unit_of_work_1.UnitOfWork,
                event_bus_1.EventBus,
                subscriptions_1.Subscriptions,
                job_policy_1.JOB_POLICY,
                fault_points_1.FaultPoints,
                publication_store_1.PublicationStore,
            ],
        };
    }
};
exports.PlatformModule = PlatformModule;
exports.PlatformModule = PlatformModule = PlatformModule_1 = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({})
], PlatformModule);
