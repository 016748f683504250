/**
 * Test support for modules: `@pharmacy/platform/testing`. Never imported by production code and
 * never built into `dist` (tsconfig.build.json leaves `testing/` out).
 */
export { Scenario, Stimulated, DEFAULT_SCENARIO_TIMEOUT_MS } from './scenario';
export { EventExpectation } from './event-expectation';
export { StateExpectation } from './state-expectation';
export { withFaults, parseFaults, type Faults } from './faults';
// Platform internals that tests, the bench and the docs generator inspect or drive directly
// (modules never need them).
export { Subscriptions } from '../events/subscriptions';
export { declaredPublications } from '../events/publishes';
export { DeliveryLanes } from '../events/registry/delivery-lanes';
export { PublicationRelay } from '../events/registry/publication-relay';
export { DEFAULT_REGISTRY_OPTIONS } from '../events/registry/registry-options';
export { serializeEvent } from '../events/registry/event-serializer';
export { BrokerConnection } from '../events/broker/broker-connection';
export { OutboxRelay } from '../events/broker/outbox-relay';
export { Topology } from '../events/broker/topology';
export { toCloudEventMessage } from '../events/broker/cloud-event-message';
export { DEFAULT_JOB_POLICY } from '../jobs/job-policy';
export { useQueueBackend, postgresQueueConnection } from '../jobs/queue-backend';
export { Trace } from '../context/trace-context';
export { type PlatformOptions } from '../platform.module';
export { type ProblemDetails } from '../http/problem-details.filter';
export { PublicationStore } from '../events/registry/publication-store';
export { type RegistryOptions } from '../events/registry/registry-options';
export { ENQUEUE_TIMEOUT_MS } from '../jobs/enqueue';
export { DeadLetters } from '../events/broker/dead-letters';
export { cloudEventAttributes } from '../events/broker/cloud-event-message';
export { pinoHttpOptions } from '../logging/pino-options';
