import { PlatformMetrics } from '../../metrics/platform-metrics';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { DomainEvent } from '../domain-event';
import { SubscriberInvoker } from '../subscriber-invoker';
import { Subscriptions } from '../subscriptions';
import { PublicationDispatcher } from './publication-dispatcher';
import { Lease, PublicationStore } from './publication-store';
import { DEFAULT_REGISTRY_OPTIONS } from './registry-options';

class LabelPrintedEvent extends DomainEvent<{ label: string }> {
  static readonly type = 'test.label-printed';
  static readonly version = 1;
}

const lease: Lease = { id: 'publication-1', subscriber: 'test.print-log', leaseToken: 'token-1' };

/**
 * The dispatcher with its collaborators reduced to what this sequence needs: the invoker runs the
 * delivery as given (the real one wraps it in a transaction), the store answers `complete` as told.
 */
function dispatcherWhere(completes: boolean) {
  const steps: string[] = [];
  const subscriptions = new Subscriptions();
  subscriptions.add(LabelPrintedEvent, lease.subscriber, () => {
    steps.push('subscriber');
  });
  const store = {
    complete: async () => {
      steps.push('complete');
      return completes;
    },
    recordFailure: async () => {
      steps.push('recordFailure');
      return null;
    },
  } as unknown as PublicationStore;
  const invoker = {
    invoke: (_subscription: unknown, _event: unknown, delivery: () => Promise<void>) => delivery(),
  } as unknown as SubscriberInvoker;
  const unitOfWork = { run: (work: () => Promise<unknown>) => work() } as unknown as UnitOfWork;
  const metrics = { deliveryStarted: () => () => undefined } as unknown as PlatformMetrics;
  const dispatcher = new PublicationDispatcher(
    store,
    subscriptions,
    invoker,
    unitOfWork,
    DEFAULT_REGISTRY_OPTIONS,
    metrics,
  );
  return { dispatcher, steps };
}

describe('Delivering a publication', () => {
  it('completes the publication first, then runs the subscriber, in that one delivery', async () => {
    const { dispatcher, steps } = dispatcherWhere(true);
    await dispatcher.dispatch(lease, new LabelPrintedEvent({ label: 'a' }));
    expect(steps).toEqual(['complete', 'subscriber']);
  });

  it('runs nothing when the publication is no longer ours: done, or its lease taken over', async () => {
    const { dispatcher, steps } = dispatcherWhere(false);
    await dispatcher.dispatch(lease, new LabelPrintedEvent({ label: 'a' }));
    expect(steps).toEqual(['complete']);
  });
});
