export { Trace, type TraceContext } from './context/trace-context';
export { DomainEvent, type EventClass, type EventMetadata } from './events/domain-event';
export { EventBus, type EventHandler, type SubscribeOptions } from './events/event-bus';
export { Subscriptions, type Subscription } from './events/subscriptions';
export { Publishes, declaredPublications } from './events/publishes';
export { UnitOfWork, type AfterCommitWork, type RunOptions } from './transactions/unit-of-work';
export { PlatformModule, type PlatformOptions, type EventBusBackend } from './platform.module';
export {
  env,
  exitOnBootFailure,
  parseEnv,
  type EnvReader,
  InvalidConfigurationError,
} from './config/env';
export { ProblemDetailsFilter, type ProblemDetails } from './http/problem-details.filter';
export { createValidationPipe, invalidFields } from './http/validation.pipe';
export { TraceMiddleware, correlationIdOf } from './http/trace.middleware';
export { ROLES, type Role, type AuthenticatedUser } from './auth/authenticated-user';
export { Public, Roles, CurrentUser } from './auth/auth.decorators';
export { AuthModule, type AuthOptions } from './auth/auth.module';
export { TokenIssuer } from './auth/token-issuer';
export { TokenVerifier } from './auth/token-verifier';
export { UserDirectory } from './auth/user-directory';
export { parsePreviousKeys, isKeyId, type SigningKey, type SigningKeys } from './auth/signing-keys';
export {
  postToPartner,
  parseRetryAfter,
  PartnerAccessDeniedError,
  PartnerRejectedError,
  PartnerUnavailableError,
  type PartnerRequest,
} from './partners/partner-http';
export {
  DEFAULT_JOB_POLICY,
  JOB_POLICY,
  jobBackoff,
  jobOptions,
  isFinalFailure,
  type JobPolicy,
} from './jobs/job-policy';
export { redisConnection } from './jobs/redis-connection';
export {
  QUEUE_BACKENDS,
  queueBackendOf,
  useQueueBackend,
  postgresQueueConnection,
  type QueueBackend,
  type QueueSettings,
} from './jobs/queue-backend';
export { QueueBackendModule, QUEUE_BACKEND } from './jobs/queue-backend.module';
export { migrateQueueSchema } from './jobs/queue-schema';
export { runUnderRetryRules } from './jobs/retry-rules';
export { isDatabaseUnavailable } from './database/database-unavailable';
export { withTrace, runInJobTrace, type Traced } from './jobs/job-trace';
export { FaultPoints, type FaultAction } from './faults/fault-points';
export {
  postgresOptions,
  DEFAULT_DATABASE_TIMEOUTS,
  type DatabaseTimeouts,
  type ModulePersistence,
  type PostgresSettings,
} from './database/postgres-options';
export {
  checkCoreConfig,
  coreEnvSchema,
  databaseTimeoutsFrom,
  platformOptionsFrom,
} from './config/core-env';
export { checkExtraction } from './events/broker/broker-env';
export { LoggingModule } from './logging/logging.module';
export { PublicationsAdminModule } from './events/registry/publications-admin.module';
export { PublicationStore, type Lease } from './events/registry/publication-store';
export { PublicationQueries, type Backlog } from './events/registry/publication-queries';
export { PublicationRelay } from './events/registry/publication-relay';
export { DeliveryLanes } from './events/registry/delivery-lanes';
export { DEFAULT_REGISTRY_OPTIONS, type RegistryOptions } from './events/registry/registry-options';
export { type RetryPolicy } from './events/registry/retry-policy';
export { platformPersistence } from './platform-persistence';
export { AuditModule } from './audit/audit.module';
export { AuditSubscriber, type AuditOptions } from './audit/audit-subscriber';
export { AuditLogEntry } from './audit/audit-log-entry.entity';
export { enqueueJob, ENQUEUE_TIMEOUT_MS } from './jobs/enqueue';
export { RetryView } from './admin/retry.view';
export { ShutdownState } from './lifecycle/shutdown-state';
export { shutDownGracefully } from './lifecycle/graceful-shutdown';
export { ensureJob, type JobCheck } from './jobs/ensure-job';
export { Reconciler, type ReconcilerReport, type Repair } from './reconciliation/reconciler';
export {
  type ReconciliationSweep,
  type ReconcilerOptions,
  type RepairOutcome,
} from './reconciliation/reconciliation-sweep';
export { jobTelemetry } from './jobs/job-telemetry';
export { PlatformMetrics } from './metrics/platform-metrics';
export { MetricsModule } from './metrics/metrics.module';
export { MetricsServer, type MetricsOptions } from './metrics/metrics-server';
export { httpMetrics } from './metrics/http-metrics';
export { DeadLettersAdminModule } from './events/broker/dead-letters-admin.module';
export { BrokerConnection } from './events/broker/broker-connection';
export { OutboxRelay } from './events/broker/outbox-relay';
export { DeadLetters, type DeadLetter } from './events/broker/dead-letters';
export { serializeEvent, type SerializedEvent } from './events/registry/event-serializer';
export { Topology } from './events/broker/topology';
export { type BrokerOptions } from './events/broker/broker-options';
export { cloudEventAttributes, toCloudEventMessage } from './events/broker/cloud-event-message';
export { SafeText, type SafeTextOptions } from './http/safe-text.decorator';
export { requestShape, MAX_BODY_DEPTH } from './http/request-shape.middleware';
export { KnownQueryParametersInterceptor } from './http/known-query-parameters.interceptor';
export { dataErrorProblem, sqlStateOf } from './http/database-errors';
export { weakSecretReason } from './auth/secret-strength';
export { AccessAuditModule } from './audit/access-audit.module';
export { AuditRead } from './audit/audit-access.decorator';
export { AccessLogEntry } from './audit/access-log-entry.entity';
export { ACCESS_REASON_HEADER } from './audit/access-audit.interceptor';
export { RateLimit, type RateLimitName } from './rate-limits/rate-limit.decorator';
export { RateLimitModule, type RateLimitOptions } from './rate-limits/rate-limit.module';
export { pinoHttpOptions, REDACTED_PATHS } from './logging/pino-options';
export { runMigrations, reportMigrations } from './database/run-migrations';
