export { Trace, type TraceContext } from './context/trace-context';
export { DomainEvent, type EventClass, type EventMetadata } from './events/domain-event';
export { EventBus, type EventHandler, type SubscribeOptions } from './events/event-bus';
export { Subscriptions, type Subscription } from './events/subscriptions';
export { UnitOfWork, type AfterCommitWork } from './transactions/unit-of-work';
export { PlatformModule, type PlatformOptions, type EventBusBackend } from './platform.module';
export { env, parseEnv, type EnvReader, InvalidConfigurationError } from './config/env';
