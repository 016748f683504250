import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { repairJob } from '@pharmacy/platform';
import type { ReconciliationSweep, RepairOutcome } from '@pharmacy/platform';
import { FulfillmentJobs } from '../fulfillment/fulfillment-jobs';
import { RecordFulfillmentFailureCommand } from '../fulfillment/record-fulfillment-failure.command';
import { OrdersRepository } from '../orders.repository';

/**
 * Orders `ready_for_fulfillment` whose job is gone get it back; those whose job failed for good
 * while the failure could not be recorded are marked `fulfillment_failed` now.
 */
@Injectable()
export class FulfillmentsSweep implements ReconciliationSweep {
  readonly name = 'orders.fulfillments';

  constructor(
    private readonly orders: OrdersRepository,
    private readonly jobs: FulfillmentJobs,
    private readonly commands: CommandBus,
  ) {}

  overdue(olderThanMs: number, limit: number): Promise<string[]> {
    return this.orders.findReadyOrderUuids(olderThanMs, limit);
  }

  async repair(uuid: string): Promise<RepairOutcome> {
    const order = await this.orders.lockUnlessBusy(uuid);
    if (!order) return 'skipped';
    if (order.status !== 'ready_for_fulfillment') return 'in-flight';
    return repairJob(await this.jobs.ensure(uuid), (reason) =>
      this.commands.execute(new RecordFulfillmentFailureCommand(uuid, reason)),
    );
  }
}
