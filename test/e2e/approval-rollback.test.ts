import { getQueueToken } from '@nestjs/bullmq';
import { PrescriptionRequestApprovedEvent } from '@pharmacy/contracts';
import { EventBus } from '@pharmacy/platform';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { RX_A, RX_B, pendingRequestsOf, placeOrder } from '../support/flow';
import { startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

/**
 * The fault comes from the database, not from the code: a deferred trigger that fails the commit
 * of the transaction that writes this request's prescription, so every write of the approval has
 * run (prescription, request, encounter, its publications) when it fails.
 */
async function failTheCommitThatPrescribes(
  db: DataSource,
  requestId: string,
): Promise<() => Promise<void>> {
  await db.query(`
    create or replace function test_fail_commit() returns trigger language plpgsql as $$
    begin raise exception 'Injected fault: the commit of an approval fails'; end $$`);
  await db.query(`
    create constraint trigger test_fail_commit after insert on prescriptions
    deferrable initially deferred for each row
    when (new.prescription_request_id = '${requestId}') execute function test_fail_commit()`);
  return async () => {
    await db.query('drop trigger test_fail_commit on prescriptions');
    await db.query('drop function test_fail_commit()');
  };
}

describe('An approval that fails after its writes', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(() => stack.close());

  it('leaves no prescription, publishes no event and enqueues no job', async () => {
    const approvedEvents: string[] = [];
    stack.api
      .get(EventBus)
      .subscribe(PrescriptionRequestApprovedEvent, 'test.record-approvals', ({ payload }) => {
        approvedEvents.push(payload.prescriptionRequestId);
      });
    const order = await placeOrder(stack, [RX_A, RX_B]);
    const [request] = await pendingRequestsOf(stack, order.uuid, 2);
    const erxQueue = stack.api.get<Queue>(getQueueToken('erx-submission'));
    const erxJobIds = async () =>
      (await erxQueue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']))
        .map((job) => job.id)
        .sort();
    const jobsBefore = await erxJobIds();
    const db = stack.api.get(DataSource);
    const removeFault = await failTheCommitThatPrescribes(db, request.id);

    try {
      const response = await stack.http
        .post(`/api/prescription-requests/${request.id}/approve`)
        .auth(await stack.token('providerCa'), { type: 'bearer' })
        .send({ sig: 'Once daily.', refills: 0 });
      expect(response.status).toBe(500);
      expect(response.body.title).toBe('Internal Server Error');
    } finally {
      await removeFault();
    }

    const [{ count }] = await db.query(
      'select count(*)::int as count from prescriptions where prescription_request_id = $1',
      [request.id],
    );
    expect(count).toBe(0);
    const [{ status, providerId }] = await db.query(
      `select r.status, e.provider_id as "providerId" from prescription_requests r
       join encounters e on e.id = r.encounter_id where r.id = $1`,
      [request.id],
    );
    expect({ status, providerId }).toEqual({ status: 'pending', providerId: null });
    // Nothing is owed for the approval: no publication committed, so none can be delivered later.
    const [{ owed }] = await db.query(
      `select count(*)::int as owed from event_publications
       where event_type = $1 and event->'payload'->>'prescriptionRequestId' = $2`,
      [PrescriptionRequestApprovedEvent.type, request.id],
    );
    expect(owed).toBe(0);
    expect(approvedEvents).toEqual([]);
    expect(await erxJobIds()).toEqual(jobsBefore);

    // The same approval succeeds once the fault is gone: nothing was half-written.
    await stack.http
      .post(`/api/prescription-requests/${request.id}/approve`)
      .auth(await stack.token('providerCa'), { type: 'bearer' })
      .send({ sig: 'Once daily.', refills: 0 })
      .expect(201);
    await waitFor('the approval to be delivered', () => approvedEvents.length > 0);
    expect(approvedEvents).toEqual([request.id]);
  });
});
