import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { DomainEvent } from '../domain-event';
import { EventBus } from '../event-bus';
import { Subscriptions } from '../subscriptions';
import { BrokerOutbox } from './broker-outbox';
import { OutboxRelay } from './outbox-relay';

/**
 * The broker backend: the same port, with RabbitMQ between publisher and subscribers. Publishing
 * records the event in the registry inside the business transaction (nothing reaches the broker
 * before commit); after commit the relay is woken to hand it over. Every event goes out, whether
 * or not this process subscribes to it: subscribers may live in another service.
 */
@Injectable()
export class BrokerEventBus extends EventBus {
  constructor(
    subscriptions: Subscriptions,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: BrokerOutbox,
    private readonly relay: OutboxRelay,
  ) {
    super(subscriptions);
  }

  async publish(event: DomainEvent): Promise<void> {
    if (!this.unitOfWork.isActive) return this.unitOfWork.run(() => this.publish(event));
    await this.outbox.record(event, this.relay.recipient);
    // Only a nudge: the request does not wait for the broker, whose outage must not fail it.
    await this.unitOfWork.afterCommit(() => this.relay.wake());
  }
}
