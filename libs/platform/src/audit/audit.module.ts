import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditSubscriber } from './audit-subscriber';
import type { AuditOptions } from './audit-subscriber';

const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

/** Adds the audit subscriber to the application's DataSource, for as long as the app runs. */
@Injectable()
class AuditSubscriberRegistration implements OnModuleInit, OnApplicationShutdown {
  private readonly subscriber: AuditSubscriber;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AUDIT_OPTIONS) options: AuditOptions,
  ) {
    this.subscriber = new AuditSubscriber(options);
  }

  onModuleInit(): void {
    this.dataSource.subscribers.push(this.subscriber);
  }

  /**
   * Removed only at the very end, with the connections: writes made while the app drains (HTTP
   * requests, jobs finishing) are audited like any other.
   */
  onApplicationShutdown(): void {
    const index = this.dataSource.subscribers.indexOf(this.subscriber);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }
}

/**
 * The audit log of column changes, configured by table from the app, so no module has to mark
 * its entities: `AuditModule.forRoot({ tables: { orders: ['status'] } })`. Needs the platform's
 * `audit_log` table (platformPersistence).
 */
@Module({})
export class AuditModule {
  static forRoot(options: AuditOptions): DynamicModule {
    return {
      module: AuditModule,
      providers: [{ provide: AUDIT_OPTIONS, useValue: options }, AuditSubscriberRegistration],
    };
  }
}
