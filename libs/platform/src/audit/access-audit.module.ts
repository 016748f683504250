import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessAuditInterceptor } from './access-audit.interceptor';

/**
 * The access log of the HTTP app: record reads marked `@AuditRead`, and every admin action.
 * Needs the platform's `access_log` table (platformPersistence).
 */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: AccessAuditInterceptor }] })
export class AccessAuditModule {}
