import { Order, OrderRefusedError } from './order.entity';

const catalog = new Map([
  ['amoxicillin-500mg', { id: 'amoxicillin-500mg', requiresPrescription: true }],
  ['ibuprofen-200mg', { id: 'ibuprofen-200mg', requiresPrescription: false }],
]);

function refusal(place: () => unknown): OrderRefusedError {
  try {
    place();
  } catch (error) {
    if (error instanceof OrderRefusedError) return error;
    throw error;
  }
  throw new Error('the order was placed');
}

describe('Order.place', () => {
  it('keeps the lines in the order the patient listed them', () => {
    const order = Order.place(
      'patient',
      'CA',
      [
        { productId: 'ibuprofen-200mg', quantity: 2 },
        { productId: 'amoxicillin-500mg', quantity: 1 },
      ],
      catalog,
    );
    expect(order.items.map((item) => [item.position, item.productId, item.quantity])).toEqual([
      [0, 'ibuprofen-200mg', 2],
      [1, 'amoxicillin-500mg', 1],
    ]);
  });

  it('sends items that need a prescription to review, and lets the others through', () => {
    const order = Order.place(
      'patient',
      'CA',
      [
        { productId: 'amoxicillin-500mg', quantity: 1 },
        { productId: 'ibuprofen-200mg', quantity: 1 },
      ],
      catalog,
    );
    expect(order.items.map((item) => item.status)).toEqual(['pending_review', 'not_required']);
    expect(order.status).toBe('pending_clinical_review');
  });

  it('makes an order without prescription items ready for fulfillment at once', () => {
    const order = Order.place(
      'patient',
      'CA',
      [{ productId: 'ibuprofen-200mg', quantity: 1 }],
      catalog,
    );
    expect(order.status).toBe('ready_for_fulfillment');
  });

  it('refuses a product listed twice, naming the repeated line', () => {
    const { problems } = refusal(() =>
      Order.place(
        'patient',
        'CA',
        [
          { productId: 'ibuprofen-200mg', quantity: 1 },
          { productId: 'ibuprofen-200mg', quantity: 2 },
        ],
        catalog,
      ),
    );
    expect(problems).toEqual([
      { field: 'items.1.productId', message: 'product ibuprofen-200mg is listed more than once' },
    ]);
  });

  it('refuses a product the catalog does not have, naming every fault, repeats first', () => {
    const { problems } = refusal(() =>
      Order.place(
        'patient',
        'CA',
        [
          { productId: 'unicorn-dust', quantity: 1 },
          { productId: 'ibuprofen-200mg', quantity: 1 },
          { productId: 'ibuprofen-200mg', quantity: 1 },
        ],
        catalog,
      ),
    );
    expect(problems).toEqual([
      { field: 'items.2.productId', message: 'product ibuprofen-200mg is listed more than once' },
      { field: 'items.0.productId', message: 'unknown product unicorn-dust' },
    ]);
  });
});

describe('Order review', () => {
  function pendingOrder(): Order {
    return Order.place(
      'patient',
      'CA',
      [
        { productId: 'amoxicillin-500mg', quantity: 1 },
        { productId: 'ibuprofen-200mg', quantity: 1 },
      ],
      catalog,
    );
  }

  it('concludes once, when the last prescription item is decided', () => {
    const order = pendingOrder();
    expect(order.concludeReviewIfComplete()).toBeNull();
    order.recordDecision(order.items[0].uuid, 'rejected');
    expect(order.concludeReviewIfComplete()).toBe('ready_for_fulfillment');
    expect(order.concludeReviewIfComplete()).toBeNull();
  });

  it('applies a repeated decision only once', () => {
    const order = pendingOrder();
    expect(order.recordDecision(order.items[0].uuid, 'clinically_approved')).toHaveLength(1);
    expect(order.recordDecision(order.items[0].uuid, 'rejected')).toEqual([]);
    expect(order.items[0].status).toBe('clinically_approved');
  });
});
