"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventBus = void 0;
/**
 * The one event bus of the application: the Nest counterpart of the seed's module-level singleton.
 * Feature modules subscribe in `onModuleInit()` and publish from their use cases. Which backend runs
 * (in memory, or the durable publication registry) is configuration; callers cannot tell.
 */
class EventBus {
}
exports.EventBus = EventBus;
