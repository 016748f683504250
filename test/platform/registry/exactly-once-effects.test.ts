import { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { DataSource } from 'typeorm';
import { bootRegistry, publicationsOf } from '../../support/registry-testing';
import { waitFor } from '../../support/wait-for';

class PaymentCapturedEvent extends DomainEvent<{ paymentId: string; cents: number }> {
  static readonly type = 'test.payment-captured';
  static readonly version = 1;
}

describe('A subscriber that fails after writing', () => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await bootRegistry();
    await app
      .get(DataSource)
      .query(
        'create table if not exists ledger_lines (payment_id text not null, cents int not null)',
      );
  });

  afterAll(() => app.close());

  it('has its writes rolled back with the failed attempt, so the retry applies them exactly once', async () => {
    const bus = app.get(EventBus);
    const uow = app.get(UnitOfWork);
    let attempts = 0;
    bus.subscribe(PaymentCapturedEvent, 'test.post-to-ledger', async ({ payload }) => {
      attempts += 1;
      await uow.manager.query('insert into ledger_lines (payment_id, cents) values ($1, $2)', [
        payload.paymentId,
        payload.cents,
      ]);
      if (attempts === 1) throw new Error('crashed after writing');
    });

    const event = new PaymentCapturedEvent({ paymentId: 'pay-1', cents: 995 });
    await uow.run(() => bus.publish(event));

    await waitFor('the retry to complete', async () =>
      (await publicationsOf(app, event.eventId))[0]?.status === 'completed' ? true : undefined,
    );
    const lines = await app
      .get(DataSource)
      .query("select cents from ledger_lines where payment_id = 'pay-1'");
    expect(lines).toEqual([{ cents: 995 }]);
    expect(attempts).toBe(2);
    expect(await publicationsOf(app, event.eventId)).toEqual([
      { subscriber: 'test.post-to-ledger', status: 'completed', attempts: 2, last_error: null },
    ]);
  });
});
