/**
 * Test support for modules: `@pharmacy/platform/testing`. Never imported by production code and
 * never built into `dist` (tsconfig.build.json leaves `testing/` out).
 */
export { Scenario, Stimulated, DEFAULT_SCENARIO_TIMEOUT_MS } from './scenario';
export { EventExpectation } from './event-expectation';
export { StateExpectation } from './state-expectation';
export { withFaults, parseFaults, type Faults, type FaultPoint, type FaultAction } from './faults';
// Platform internals that tests inspect or drive directly (modules never need them).
export { Trace } from '../context/trace-context';
export { type PlatformOptions } from '../platform.module';
export { type ProblemDetails } from '../http/problem-details.filter';
export { PublicationStore } from '../events/registry/publication-store';
export { type RegistryOptions } from '../events/registry/registry-options';
export { ENQUEUE_TIMEOUT_MS } from '../jobs/enqueue';
export { DeadLetters } from '../events/broker/dead-letters';
export { cloudEventAttributes } from '../events/broker/cloud-event-message';
export { pinoHttpOptions } from '../logging/pino-options';
