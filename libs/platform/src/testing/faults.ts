import { Injectable } from '@nestjs/common';
import type { TestingModuleBuilder } from '@nestjs/testing';
import { BrokerOutbox, OwedMessage } from '../events/broker/broker-outbox';
import { InMemoryEventBus } from '../events/in-memory-event-bus';
import { DeliveryLanes } from '../events/registry/delivery-lanes';
import { SubscriberInvoker } from '../events/subscriber-invoker';
import { Subscriptions } from '../events/subscriptions';
import { UnitOfWork } from '../transactions/unit-of-work';

/**
 * The gaps the delivery guarantees are about, where a test breaks a process on purpose:
 * - `events.before-dispatch`: a publication committed, its in-process delivery not yet started;
 * - `broker.before-ack`: a consumer's transaction committed, the message not yet acknowledged;
 * - `broker.after-confirm`: the broker confirmed a publication, the registry not yet told.
 */
const FAULT_POINTS = [
  'events.before-dispatch',
  'broker.before-ack',
  'broker.after-confirm',
] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

/** `crash` kills the process outright (SIGKILL); `throw` fails the step with an error. */
export type FaultAction = 'throw' | 'crash';

export type Faults = Partial<Record<FaultPoint, FaultAction>>;

/**
 * Overrides the platform providers at those gaps, so that the process fails there. The
 * production code knows nothing of it: a test boots the app through a testing module (the child
 * processes through test/support/api-with-faults.ts) and applies these overrides to it.
 */
export function withFaults(builder: TestingModuleBuilder, faults: Faults): TestingModuleBuilder {
  for (const [point, action] of Object.entries(faults) as [FaultPoint, FaultAction][]) {
    OVERRIDES[point](builder, action);
  }
  return builder;
}

const OVERRIDES: Record<FaultPoint, (builder: TestingModuleBuilder, action: FaultAction) => void> =
  {
    'events.before-dispatch': (builder, action) => {
      // `start` runs only in the after-commit work of a publishing transaction; the relay uses
      // `run`. So the process fails with the publication committed and its delivery not started.
      class FailingLanes extends DeliveryLanes {
        override async start(): Promise<void> {
          fail('events.before-dispatch', action);
        }
      }
      builder.overrideProvider(DeliveryLanes).useClass(FailingLanes);
      // The in-memory backend (EVENT_BUS_BACKEND=memory) has no lanes: its after-commit work
      // delivers at once, so the failure goes in first. (Only the backend in use is overridden.)
      @Injectable()
      class FailingMemoryBus extends InMemoryEventBus {
        constructor(
          subscriptions: Subscriptions,
          private readonly work: UnitOfWork,
          invoker: SubscriberInvoker,
        ) {
          super(subscriptions, work, invoker);
        }

        // The failure takes the delivery's place in the after-commit work: a failure there is
        // logged and the delivery never happens, as with a real one on this backend.
        override async publish(): Promise<void> {
          await this.work.afterCommit(() => fail('events.before-dispatch', action));
        }
      }
      builder.overrideProvider(InMemoryEventBus).useClass(FailingMemoryBus);
    },
    'broker.before-ack': (builder, action) => {
      // Under the broker backend only the consumer invokes subscribers, and it acknowledges the
      // message once the invocation (the subscriber's transaction) has committed.
      class FailingInvoker extends SubscriberInvoker {
        override async invoke(...args: Parameters<SubscriberInvoker['invoke']>): Promise<void> {
          await super.invoke(...args);
          fail('broker.before-ack', action);
        }
      }
      builder.overrideProvider(SubscriberInvoker).useClass(FailingInvoker);
    },
    'broker.after-confirm': (builder, action) => {
      // The relay marks what the broker confirmed as soon as the confirms arrive.
      class FailingOutbox extends BrokerOutbox {
        override async markHandedOff(messages: readonly OwedMessage[]): Promise<void> {
          if (messages.length > 0) fail('broker.after-confirm', action);
          return super.markHandedOff(messages);
        }
      }
      builder.overrideProvider(BrokerOutbox).useClass(FailingOutbox);
    },
  };

/** `FAULT_POINTS=name:action,...` (action defaults to throw), for a child process's entry. */
export function parseFaults(text: string | undefined): Faults {
  const faults: Faults = {};
  for (const entry of (text ?? '').split(',').filter(Boolean)) {
    const [point, action = 'throw'] = entry.split(':') as [FaultPoint, FaultAction?];
    if (!FAULT_POINTS.includes(point) || (action !== 'throw' && action !== 'crash')) {
      throw new Error(`Unknown fault ${entry}: expected one of ${FAULT_POINTS.join(', ')}`);
    }
    faults[point] = action;
  }
  return faults;
}

function fail(point: FaultPoint, action: FaultAction): void {
  process.stderr.write(`Fault point ${point} fired: ${action}\n`);
  if (action === 'crash') process.kill(process.pid, 'SIGKILL');
  throw new Error(`Injected fault at ${point}`);
}
