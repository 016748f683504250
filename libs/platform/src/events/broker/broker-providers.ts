import type { Provider } from '@nestjs/common';
import { EventBus } from '../event-bus';
import { BrokerConnection } from './broker-connection';
import { BrokerConsumer } from './broker-consumer';
import { BrokerEventBus } from './broker-event-bus';
import { BROKER_OPTIONS, BrokerOptions } from './broker-options';
import { BrokerOutbox } from './broker-outbox';
import { DeadLetters } from './dead-letters';
import { Inbox } from './inbox';
import { InboxJanitor } from './inbox-janitor';
import { OutboxRelay } from './outbox-relay';
import { Topology } from './topology';

/** What the platform module provides, and exports, when EVENT_BUS_BACKEND=broker. */
export function brokerProviders(options: BrokerOptions): {
  providers: Provider[];
  exports: Provider[];
} {
  return {
    providers: [
      { provide: BROKER_OPTIONS, useValue: options },
      { provide: Topology, useValue: new Topology(options.namespace, options.retry) },
      BrokerConnection,
      BrokerOutbox,
      OutboxRelay,
      Inbox,
      InboxJanitor,
      BrokerConsumer,
      DeadLetters,
      BrokerEventBus,
      { provide: EventBus, useExisting: BrokerEventBus },
    ],
    exports: [BrokerConnection, OutboxRelay, DeadLetters, Topology],
  };
}
