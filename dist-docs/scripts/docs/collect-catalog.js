"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.bootApps = bootApps;
exports.readRegistrations = readRegistrations;
exports.contractClasses = contractClasses;
exports.collectCatalog = collectCatalog;
exports.findRepoRoot = findRepoRoot;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const testing_1 = require("@nestjs/testing");
const contracts = __importStar(require("../../libs/contracts/src/index.js"));
const platform_1 = require("../../libs/platform/src/index.js");
const api_config_1 = require("../../apps/api/src/api.config");
const api_module_1 = require("../../apps/api/src/api.module");
const worker_config_1 = require("../../apps/worker/src/worker.config");
const worker_module_1 = require("../../apps/worker/src/worker.module");
const event_catalog_1 = require("./event-catalog");
const scan_sources_1 = require("./scan-sources");
/**
 * `@Processor()` of @nestjs/bullmq stores its options under this key (`PROCESSOR_METADATA` in
 * its bull.constants.js, which the package does not export). Should it ever change, processors
 * stop being found, and {@link readRegistrations} says so instead of writing an empty table.
 */
const PROCESSOR_METADATA = 'bullmq:processor_metadata';
/**
 * Boots the API's and the worker's root modules exactly as the apps compose them, without an
 * HTTP server, and with the two providers that would start background work made inert: the
 * publication relay (its timer would deliver stored publications) and the BullMQ registrar
 * (it would start workers that take jobs off the queues). Nothing else is replaced, so every
 * `onModuleInit()` subscribes exactly as in production. The DataSource connects to PostgreSQL
 * and the queues' producers to Redis, but nothing is written to either.
 */
async function bootApps(services) {
    const env = appEnv(services);
    const api = await boot(api_module_1.ApiModule.forRoot((0, api_config_1.loadApiConfig)(env)));
    try {
        const worker = await boot(worker_module_1.WorkerModule.forRoot((0, worker_config_1.loadWorkerConfig)(env)));
        return {
            api,
            worker,
            async close() {
                await Promise.all([api.close(), worker.close()]);
            },
        };
    }
    catch (error) {
        await api.close();
        throw error;
    }
}
/** The settings the apps require, fixed so the catalog never depends on who runs it. */
function appEnv({ databaseUrl, redisUrl }) {
    return {
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: '2',
        REDIS_URL: redisUrl,
        LOG_LEVEL: 'silent',
        // Required by the apps' configuration but never used here: no token is signed, no partner
        // is called (no job runs).
        JWT_SECRET: 'event-catalog-placeholder-never-signs-anything',
        ERX_BASE_URL: 'http://127.0.0.1:9',
        PHARMACY_BASE_URL: 'http://127.0.0.1:9',
    };
}
async function boot(root) {
    const moduleRef = await testing_1.Test.createTestingModule({ imports: [root] })
        .overrideProvider(platform_1.PublicationRelay)
        .useValue({ onApplicationBootstrap() { }, onApplicationShutdown() { }, drain: async () => 0 })
        .overrideProvider(bullmq_1.BullRegistrar)
        .useValue({ onModuleInit() { }, register() { } })
        .setLogger(new common_1.ConsoleLogger({ logLevels: ['fatal'] }))
        .compile();
    // Runs every onModuleInit(): that is where the feature modules subscribe.
    return moduleRef.init();
}
/** What each booted app registered: its subscriptions and its queue processors. */
function readRegistrations(apps) {
    return [registrationsOf('api', apps.api), registrationsOf('worker', apps.worker)];
}
function registrationsOf(app, context) {
    return {
        app,
        subscriptions: context
            .get(platform_1.Subscriptions)
            .all()
            .map(({ subscriber, eventClass, enqueues }) => ({
            subscriber,
            eventType: eventClass.type,
            eventClassName: eventClass.name,
            enqueues: [...enqueues],
        })),
        processors: processorsOf(context),
    };
}
function processorsOf(context) {
    const processors = new Map();
    const discovery = new core_1.DiscoveryService(context.get(core_1.ModulesContainer));
    for (const wrapper of discovery.getProviders()) {
        // As @nestjs/bullmq's own explorer does: factory and value providers have no useful metatype.
        const cls = (!wrapper.metatype || wrapper.inject ? wrapper.instance?.constructor : wrapper.metatype);
        if (!cls)
            continue;
        const options = Reflect.getMetadata(PROCESSOR_METADATA, cls);
        if (options?.name) {
            processors.set(cls, { queue: options.name, className: cls.name });
        }
        else if (cls.prototype instanceof bullmq_1.WorkerHost) {
            throw new Error(`${cls.name} extends WorkerHost but carries no "${PROCESSOR_METADATA}" metadata: ` +
                'has @nestjs/bullmq changed where @Processor() stores its queue name?');
        }
    }
    return [...processors.values()];
}
/** Every event class exported by @pharmacy/contracts, with its runtime type and version. */
function contractClasses() {
    return Object.values(contracts)
        .filter((value) => typeof value === 'function' && value.prototype instanceof platform_1.DomainEvent)
        .map((cls) => ({ className: cls.name, type: cls.type, version: cls.version }));
}
/** The catalog of the booted apps, checked against the source under `repoRoot`. */
function collectCatalog(apps, repoRoot = findRepoRoot()) {
    return (0, event_catalog_1.buildCatalog)({
        contractClasses: contractClasses(),
        apps: readRegistrations(apps),
        sources: (0, scan_sources_1.scanSources)(repoRoot),
    });
}
/** The nearest directory holding package.json, from this file up (works from dist-docs too). */
function findRepoRoot(from = __dirname) {
    for (let dir = from;; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, 'package.json')))
            return dir;
        if (path.dirname(dir) === dir)
            throw new Error(`No package.json above ${from}`);
    }
}
