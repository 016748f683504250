import { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventBus, PublicationQueries, UnitOfWork } from '@pharmacy/platform';
import { bootRegistry, publicationsOf } from '../../support/registry-testing';
import { waitFor } from '../../support/wait-for';

class InvoiceIssuedEvent extends DomainEvent<{ invoiceId: string }> {
  static readonly type = 'test.invoice-issued';
  static readonly version = 1;
}

describe('A poison event in the registry', () => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await bootRegistry({ retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 } });
  });

  afterAll(() => app.close());

  it('fails its subscriber after N attempts, completes the others, and completes on resubmit after the fix', async () => {
    const bus = app.get(EventBus);
    const booked: string[] = [];
    let fixed = false;
    bus.subscribe(InvoiceIssuedEvent, 'test.book-invoice', ({ payload }) => {
      booked.push(payload.invoiceId);
    });
    bus.subscribe(InvoiceIssuedEvent, 'test.mail-invoice', () => {
      if (!fixed) throw new Error('mail template is broken');
    });

    const event = new InvoiceIssuedEvent({ invoiceId: 'inv-1' });
    await app.get(UnitOfWork).run(() => bus.publish(event));

    const settled = await waitFor('the broken subscriber to give up', async () => {
      const rows = await publicationsOf(app, event.eventId);
      return rows.find((row) => row.subscriber === 'test.mail-invoice')?.status === 'failed'
        ? rows
        : undefined;
    });
    expect(settled).toEqual([
      { subscriber: 'test.book-invoice', status: 'completed', attempts: 1, last_error: null },
      {
        subscriber: 'test.mail-invoice',
        status: 'failed',
        attempts: 3,
        last_error: 'mail template is broken',
      },
    ]);
    expect(booked).toEqual(['inv-1']);

    fixed = true;
    const queries = app.get(PublicationQueries);
    const resubmitted = await app
      .get(UnitOfWork)
      .run(() => queries.resubmit({ subscriber: 'test.mail-invoice' }));
    expect(resubmitted).toBe(1);

    await waitFor('the resubmitted publication to complete', async () => {
      const rows = await publicationsOf(app, event.eventId);
      return rows.every((row) => row.status === 'completed') ? rows : undefined;
    });
    expect(booked).toEqual(['inv-1']);
  });
});
