// Loaded first by main.ts: OpenTelemetry must patch http, pg and ioredis before anything loads them.
import { startTelemetry } from '@pharmacy/platform/telemetry';

startTelemetry('pharmacy-api');
