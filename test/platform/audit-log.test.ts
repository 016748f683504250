import { auditOfInsert, UnitOfWork } from '@pharmacy/platform';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import {
  RX_A,
  RX_B,
  RX_C,
  pendingRequestsOf,
  placeOrder,
  waitForOrderStatus,
} from '../support/flow';
import { startStack, Stack } from '../support/stack';
import { testEnv } from '../support/test-env';
import { waitFor } from '../support/wait-for';

interface AuditRow {
  field: string;
  old_value: string | null;
  new_value: string | null;
  correlation_id: string | null;
}

/**
 * The model-level tool beside the domain events: a TypeORM subscriber (AuditModule, configured
 * by table in both apps) writes audit_log rows in the transaction that changes a status.
 */
describe('Audit log of status changes (TypeORM entity subscriber)', () => {
  let stack: Stack;
  let uow: UnitOfWork;
  let outsider: Client;

  beforeAll(async () => {
    stack = await startStack();
    uow = stack.api.get(UnitOfWork);
    outsider = new Client({ connectionString: testEnv.databaseUrl });
    await outsider.connect();
  });

  afterAll(async () => {
    await outsider.end();
    await stack.close();
  });

  const AUDIT_QUERY = `select field, old_value, new_value, correlation_id from audit_log
    where entity = $1 and entity_id = $2 order by id`;

  /** The audit trail of one row, as `reader` sees it: another connection, or the transaction. */
  async function auditOf(reader: Client | EntityManager, table: string, id: string) {
    const rows: AuditRow[] =
      reader instanceof Client
        ? (await reader.query(AUDIT_QUERY, [table, id])).rows
        : await reader.query(AUDIT_QUERY, [table, id]);
    return rows.map(({ old_value, new_value }) => [old_value, new_value]);
  }

  const PLACED = [null, 'pending_clinical_review'];
  const change = (from: string, to: string) => [from, to];

  /** What OrdersRepository.saveStatus does: a save() of the changed columns. */
  const setStatus = (orderUuid: string, status: string) =>
    uow.manager.save('Order', { uuid: orderUuid, status });

  it('records each status change of an order and of its prescriptions along the HTTP flow', async () => {
    const correlationId = `audit-test-${randomUUID()}`;
    const placedOrder = await stack.http
      .post('/api/orders')
      .auth(await stack.token('patient1'), { type: 'bearer' })
      .set('X-Request-Id', correlationId)
      .send({
        items: [RX_A, RX_B].map((productId) => ({ productId, quantity: 1 })),
        fulfillmentState: 'CA',
      })
      .expect(201);
    const orderUuid: string = placedOrder.body.uuid;

    const provider = await stack.token('providerCa');
    const prescriptionIds: string[] = [];
    for (const request of await pendingRequestsOf(stack, orderUuid, 2)) {
      const approval = await stack.http
        .post(`/api/prescription-requests/${request.id}/approve`)
        .auth(provider, { type: 'bearer' })
        .send({ sig: 'Once daily.', refills: 0 })
        .expect(201);
      prescriptionIds.push(approval.body.prescription.id);
    }
    await waitForOrderStatus(stack, orderUuid, 'fulfilled');
    for (const id of prescriptionIds) {
      await waitFor(`prescription ${id} transmitted`, async () => {
        const response = await stack.http
          .get(`/api/prescriptions/${id}`)
          .auth(provider, { type: 'bearer' })
          .expect(200);
        return response.body.status === 'transmitted';
      });
    }

    // The first approval saved the order with its status unchanged: no row for that.
    expect(await auditOf(outsider, 'orders', orderUuid)).toEqual([
      PLACED,
      change('pending_clinical_review', 'ready_for_fulfillment'),
      change('ready_for_fulfillment', 'fulfilled'),
    ]);
    const { rows } = await outsider.query<AuditRow>(AUDIT_QUERY, ['orders', orderUuid]);
    expect(rows[0]).toEqual({
      field: 'status',
      old_value: null,
      new_value: 'pending_clinical_review',
      correlation_id: correlationId,
    });
    for (const id of prescriptionIds) {
      expect(await auditOf(outsider, 'prescriptions', id)).toEqual([
        [null, 'pending_transmission'],
        change('pending_transmission', 'transmitted'),
      ]);
    }
  });

  it('writes the row in the transaction of the change: visible inside it, to others after commit', async () => {
    const order = await placeOrder(stack, [RX_C]);
    const before = [PLACED];
    const after = [PLACED, change('pending_clinical_review', 'cancelled')];

    await uow.run(async () => {
      await setStatus(order.uuid, 'cancelled');
      expect(await auditOf(uow.manager, 'orders', order.uuid)).toEqual(after);
      expect(await auditOf(outsider, 'orders', order.uuid)).toEqual(before);
    });

    expect(await auditOf(outsider, 'orders', order.uuid)).toEqual(after);
  });

  it('leaves no audit row when the transaction rolls back', async () => {
    const order = await placeOrder(stack, [RX_C]);

    await expect(
      uow.run(async () => {
        await setStatus(order.uuid, 'cancelled');
        expect(await auditOf(uow.manager, 'orders', order.uuid)).toHaveLength(2);
        throw new Error('business rule broken');
      }),
    ).rejects.toThrow('business rule broken');

    expect(await auditOf(outsider, 'orders', order.uuid)).toEqual([PLACED]);
    const { rows } = await outsider.query('select status from orders where uuid = $1', [
      order.uuid,
    ]);
    expect(rows).toEqual([{ status: 'pending_clinical_review' }]);
  });

  it('drops the rows of a rolled-back savepoint and of a refused update, and keeps the rest exact', async () => {
    const order = await placeOrder(stack, [RX_C]);

    await uow.run(async () => {
      await uow
        .run(async () => {
          await setStatus(order.uuid, 'fulfilled');
          throw new Error('inner unit fails');
        })
        .catch(() => undefined);
      // Refused by the table's check constraint: the statement fails, its savepoint rolls back.
      await uow.run(() => setStatus(order.uuid, 'not-a-status')).catch(() => undefined);
      await setStatus(order.uuid, 'ready_for_fulfillment');
      await setStatus(order.uuid, 'cancelled');
    });

    expect(await auditOf(outsider, 'orders', order.uuid)).toEqual([
      PLACED,
      change('pending_clinical_review', 'ready_for_fulfillment'),
      change('ready_for_fulfillment', 'cancelled'),
    ]);
  });

  it('gives a one-statement insert the rows of every audited entity in it, and none for the others', () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const audit = auditOfInsert(
      uow.manager,
      [
        ['Order', { uuid: first, status: 'pending_clinical_review' }],
        ['OrderItem', { uuid: randomUUID(), status: 'pending_review' }], // not audited here
        ['Order', { uuid: second, status: 'ready_for_fulfillment' }],
      ],
      4,
    );

    expect(audit?.sql).toContain('$4::text[]');
    const [entities, ids, fields, olds, news] = audit!.params;
    expect({ entities, ids, fields, olds, news }).toEqual({
      entities: ['orders', 'orders'],
      ids: [first, second],
      fields: ['status', 'status'],
      olds: [null, null],
      news: ['pending_clinical_review', 'ready_for_fulfillment'],
    });
    expect(auditOfInsert(uow.manager, [['OrderItem', { uuid: first, status: 'x' }]], 1)).toBeNull();
  });
});
