import { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { DeadLetters } from '@pharmacy/platform/testing';
import { forgetNamespace, uniqueNamespace } from '../../support/broker';
import { DataSource } from 'typeorm';
import { bootBroker } from '../../support/broker-testing';
import { waitFor } from '../../support/wait-for';
import { describeWithBroker } from '../../support/needs';

class ParcelPackedEvent extends DomainEvent<{ parcelId: string }> {
  static readonly type = 'shipping.parcel-packed';
  static readonly version = 1;
}

const LABEL = 'shipping.print-label-when-packed';
const BOOK = 'shipping.book-courier-when-packed';

describeWithBroker('A poison message on the broker', () => {
  const namespace = uniqueNamespace();
  const labelled: string[] = [];
  const booked: string[] = [];
  const failures: string[] = [];
  let printerFixed = false;
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await bootBroker({
      namespace,
      subscribe: (bus) => {
        bus.subscribe(ParcelPackedEvent, LABEL, ({ payload }) => {
          if (payload.parcelId === 'p-bad' && !printerFixed) {
            failures.push(payload.parcelId);
            throw new Error('label printer rejects this parcel');
          }
          labelled.push(payload.parcelId);
        });
        bus.subscribe(ParcelPackedEvent, BOOK, ({ payload }) => void booked.push(payload.parcelId));
      },
    });
  });

  afterAll(async () => {
    await forgetNamespace(namespace, app.get(DataSource), [LABEL, BOOK]);
    await app.close();
  });

  it('is dead-lettered after N attempts while the others flow, and a redrive delivers it once', async () => {
    const bus = app.get(EventBus);
    const events = ['p-1', 'p-bad', 'p-3'].map((parcelId) => new ParcelPackedEvent({ parcelId }));
    for (const event of events) await app.get(UnitOfWork).run(() => bus.publish(event));
    const poison = events[1];

    const deadLetters = app.get(DeadLetters);
    const [dead] = await waitFor('the poison message in the dead-letter queue', async () => {
      const found = await deadLetters.list(LABEL, 10);
      return found.length > 0 ? found : undefined;
    });
    expect(dead).toEqual({
      eventId: poison.eventId,
      eventType: 'shipping.parcel-packed',
      subscriber: LABEL,
      attempts: 3,
      lastError: 'label printer rejects this parcel',
      payload: { parcelId: 'p-bad' },
    });
    expect(failures).toEqual(['p-bad', 'p-bad', 'p-bad']);
    expect(labelled.sort()).toEqual(['p-1', 'p-3']);
    await waitFor('the other subscriber to book all three', () => booked.length === 3);
    expect(await deadLetters.list(BOOK, 10)).toEqual([]);

    printerFixed = true;
    expect(await deadLetters.redrive(LABEL, poison.eventId)).toEqual([poison.eventId]);
    await waitFor('the redriven message to be labelled', () => labelled.includes('p-bad'));
    expect(await deadLetters.list(LABEL, 10)).toEqual([]);
    expect(labelled.sort()).toEqual(['p-1', 'p-3', 'p-bad']);
    expect(booked.sort()).toEqual(['p-1', 'p-3', 'p-bad']);
  });
});
