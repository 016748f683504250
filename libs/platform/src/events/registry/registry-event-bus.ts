import { Inject, Injectable } from '@nestjs/common';
import { publishSpan } from '../../telemetry/event-spans';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { DomainEvent } from '../domain-event';
import { EventBus } from '../event-bus';
import { Subscriptions } from '../subscriptions';
import { DeliveryLanes } from './delivery-lanes';
import { PublicationDispatcher } from './publication-dispatcher';
import { PublicationStore } from './publication-store';
import { REGISTRY_OPTIONS } from './registry-options';
import type { RegistryOptions } from './registry-options';

/**
 * The durable backend, after Spring Modulith's event publication registry: publishing writes one
 * row per subscriber inside the business transaction, so the commit that changes the data also
 * records what is owed to whom. Delivery starts right after commit, in this process's delivery
 * lanes, without holding up the publisher; the relay finishes whatever a crash or a failure left
 * behind.
 */
@Injectable()
export class RegistryEventBus extends EventBus {
  constructor(
    subscriptions: Subscriptions,
    private readonly unitOfWork: UnitOfWork,
    private readonly store: PublicationStore,
    private readonly dispatcher: PublicationDispatcher,
    private readonly lanes: DeliveryLanes,
    @Inject(REGISTRY_OPTIONS) private readonly options: RegistryOptions,
  ) {
    super(subscriptions);
  }

  async publish(event: DomainEvent): Promise<void> {
    const subscribers = this.subscriptions.forType(event.type).map((s) => s.subscriber);
    if (subscribers.length === 0) return;
    // Outside a unit of work the event gets one of its own: recorded first, then delivered.
    if (!this.unitOfWork.isActive) return this.unitOfWork.run(() => this.publish(event));

    const leases = await publishSpan(event, () =>
      this.store.record(event, subscribers, this.options.leaseMs),
    );
    // Committed, not yet delivered: a crash here is the seed's gap, which the relay closes.
    // After the release: a publisher held back by full lanes must not hold a connection too.
    await this.unitOfWork.afterRelease(() =>
      this.lanes.start(...leases.map((lease) => () => this.dispatcher.dispatch(lease, event))),
    );
  }
}
