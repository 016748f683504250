/**
 * The platform as feature modules and apps use it. Test support, and the internals that tests,
 * the bench and the docs generator reach into, come from `@pharmacy/platform/testing`; tracing
 * from `@pharmacy/platform/telemetry`.
 */
export { DomainEvent } from './events/domain-event';
export { EventBus } from './events/event-bus';
export { Publishes } from './events/publishes';
export { UnitOfWork } from './transactions/unit-of-work';
export { PlatformModule, type EventBusBackend } from './platform.module';
export { env, exitOnBootFailure, parseEnv, refuse, withRules } from './config/env';
export { ProblemDetailsFilter } from './http/problem-details.filter';
export { createValidationPipe, invalidFields } from './http/validation.pipe';
export { TraceMiddleware } from './http/trace.middleware';
export { type Role, type AuthenticatedUser } from './auth/authenticated-user';
export { Public, Roles, CurrentUser } from './auth/auth.decorators';
export { AuthModule } from './auth/auth.module';
export { authEnvShape, authOptionsFrom, authRules } from './auth/auth-env';
export { TokenIssuer } from './auth/token-issuer';
export { TokenVerifier } from './auth/token-verifier';
export { UserDirectory } from './auth/user-directory';
export { postToPartner } from './partners/partner-http';
export { JOB_POLICY, jobBackoff, jobOptions, type JobPolicy } from './jobs/job-policy';
export { redisConnection } from './jobs/redis-connection';
export { queueBackendOf, type QueueBackend } from './jobs/queue-backend';
export { QueueBackendModule } from './jobs/queue-backend.module';
export { migrateQueueSchema } from './jobs/queue-schema';
export { runUnderRetryRules } from './jobs/retry-rules';
export { handleJobFailure } from './jobs/job-failure';
export { withTrace, type Traced } from './jobs/job-trace';
export {
  postgresOptions,
  DEFAULT_DATABASE_TIMEOUTS,
  type DatabaseTimeouts,
  type ModulePersistence,
} from './database/postgres-options';
export {
  coreEnvShape,
  coreRules,
  demoRule,
  databaseTimeoutsFrom,
  platformOptionsFrom,
} from './config/core-env';
export { extractionRule } from './events/broker/broker-env';
export { LoggingModule } from './logging/logging.module';
export { PublicationsAdminModule } from './events/registry/publications-admin.module';
export { PublicationQueries } from './events/registry/publication-queries';
export { platformPersistence } from './platform-persistence';
export { AuditModule } from './audit/audit.module';
export { auditOfInsert } from './audit/audit-of-insert';
export { enqueueJob } from './jobs/enqueue';
export { RetryView } from './admin/retry.view';
export { requeueRetried } from './admin/retried-job';
export { ShutdownState } from './lifecycle/shutdown-state';
export { shutDownGracefully } from './lifecycle/graceful-shutdown';
export { ensureJob, type JobCheck } from './jobs/ensure-job';
export { Reconciler } from './reconciliation/reconciler';
export { repairJob } from './reconciliation/job-repair';
export {
  type ReconciliationSweep,
  type RepairOutcome,
} from './reconciliation/reconciliation-sweep';
export { PlatformMetrics } from './metrics/platform-metrics';
export { MetricsModule } from './metrics/metrics.module';
export { httpMetrics } from './metrics/http-metrics';
export { DeadLettersAdminModule } from './events/broker/dead-letters-admin.module';
export { SafeText } from './http/safe-text.decorator';
export { requestShape } from './http/request-shape.middleware';
export { KnownQueryParametersInterceptor } from './http/known-query-parameters.interceptor';
export { AccessAuditModule } from './audit/access-audit.module';
export { AuditRead } from './audit/audit-access.decorator';
export { RateLimit } from './rate-limits/rate-limit.decorator';
export { RateLimitModule } from './rate-limits/rate-limit.module';
export { runMigrations, reportMigrations } from './database/run-migrations';
