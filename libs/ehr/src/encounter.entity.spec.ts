import { DecisionRefusedError, Encounter, RefusalReason, Reviewer } from './encounter.entity';

const order = {
  orderUuid: '00000000-0000-4000-8000-000000000001',
  patientId: '00000000-0000-4000-8000-000000000002',
  fulfillmentState: 'CA',
  items: [
    {
      orderItemUuid: 'item-rx-1',
      productId: 'amoxicillin-500mg',
      quantity: 1,
      requiresPrescription: true,
    },
    {
      orderItemUuid: 'item-otc',
      productId: 'ibuprofen-200mg',
      quantity: 2,
      requiresPrescription: false,
    },
    {
      orderItemUuid: 'item-rx-2',
      productId: 'lisinopril-10mg',
      quantity: 3,
      requiresPrescription: true,
    },
  ],
};
const alice: Reviewer = { id: 'provider-alice', licensedStates: ['CA', 'NY'] };
const bob: Reviewer = { id: 'provider-bob', licensedStates: ['CA'] };
const texan: Reviewer = { id: 'provider-tex', licensedStates: ['TX'] };
const prescribing = { sig: 'one tablet daily', refills: 2 };

function opened(): Encounter {
  return Encounter.open(order)!;
}

function refusalOf(decide: () => unknown): RefusalReason {
  try {
    decide();
  } catch (error) {
    if (error instanceof DecisionRefusedError) return error.reason;
    throw error;
  }
  throw new Error('the decision was taken');
}

describe('Encounter.open', () => {
  it('opens one pending request per prescription item, in the order of the items', () => {
    const encounter = opened();
    expect(encounter.status).toBe('open');
    expect(encounter.providerId).toBeNull();
    expect(encounter.requests.map((r) => [r.position, r.orderItemUuid, r.status])).toEqual([
      [0, 'item-rx-1', 'pending'],
      [1, 'item-rx-2', 'pending'],
    ]);
    expect(encounter.requests.every((r) => r.encounterId === encounter.id)).toBe(true);
  });

  it('opens nothing for an order without prescription items', () => {
    expect(Encounter.open({ ...order, items: [order.items[1]] })).toBeNull();
  });
});

describe('A decision on a prescription request', () => {
  it('is refused to a provider not licensed in the state the order ships to', () => {
    const encounter = opened();
    expect(refusalOf(() => encounter.reject(encounter.requests[0], texan, 'no'))).toBe(
      'not-licensed',
    );
    expect(encounter.requests[0].status).toBe('pending');
    expect(encounter.providerId).toBeNull();
  });

  it('makes the encounter its first decider own, and is refused to anyone else', () => {
    const encounter = opened();
    encounter.approve(encounter.requests[0], alice, prescribing);
    expect(encounter.providerId).toBe(alice.id);
    expect(refusalOf(() => encounter.reject(encounter.requests[1], bob, 'no'))).toBe(
      'owned-by-another-provider',
    );
    expect(encounter.requests[1].status).toBe('pending');
  });

  it('is refused on a request already decided, even to its own reviewer', () => {
    const encounter = opened();
    encounter.reject(encounter.requests[0], alice, 'allergy');
    expect(refusalOf(() => encounter.approve(encounter.requests[0], alice, prescribing))).toBe(
      'not-pending',
    );
    expect(encounter.requests[0].status).toBe('rejected');
  });

  it('records who decided, and a rejection records its reason', () => {
    const encounter = opened();
    encounter.reject(encounter.requests[0], alice, 'allergy');
    const [request] = encounter.requests;
    expect(request).toMatchObject({
      status: 'rejected',
      decidedBy: alice.id,
      rejectionReason: 'allergy',
    });
    expect(request.decidedAt).toBeInstanceOf(Date);
  });

  it('completes the encounter on its last pending request, and says so only then', () => {
    const encounter = opened();
    expect(encounter.approve(encounter.requests[0], alice, prescribing).completed).toBe(false);
    expect(encounter.status).toBe('open');
    expect(encounter.reject(encounter.requests[1], alice, 'interaction').completed).toBe(true);
    expect(encounter.status).toBe('completed');
    expect(encounter.completedAt).toBeInstanceOf(Date);
    expect(encounter.itemsWith('approved')).toEqual(['item-rx-1']);
    expect(encounter.itemsWith('rejected')).toEqual(['item-rx-2']);
  });
});

describe('Approving a request', () => {
  it('issues its prescription, by the approving provider, waiting to be transmitted', () => {
    const encounter = opened();
    const { prescription } = encounter.approve(encounter.requests[1], alice, prescribing);
    expect(prescription).toMatchObject({
      prescriptionRequestId: encounter.requests[1].id,
      encounterId: encounter.id,
      patientId: order.patientId,
      providerId: alice.id,
      productId: 'lisinopril-10mg',
      sig: 'one tablet daily',
      refills: 2,
      status: 'pending_transmission',
      erxReference: null,
    });
  });
});
