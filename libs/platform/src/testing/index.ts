/**
 * Test support for modules: `@pharmacy/platform/testing`. Never imported by production code and
 * never built into `dist` (tsconfig.build.json leaves `testing/` out).
 */
export { Scenario, Stimulated, DEFAULT_SCENARIO_TIMEOUT_MS } from './scenario';
export { EventExpectation } from './event-expectation';
export { StateExpectation } from './state-expectation';
export { withFaults, parseFaults, type Faults, type FaultPoint, type FaultAction } from './faults';
