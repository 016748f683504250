import { randomBytes } from 'node:crypto';

/** What differs between the two partners: where they listen, what a valid body is, what they make. */
export interface PartnerSpec {
  readonly path: string;
  /** The problems of a JSON object body, all of them, so one 400 names everything wrong. */
  validate(body: Record<string, unknown>): string[];
  create(): Record<string, string>;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown, path: string) =>
  typeof value === 'string' && value.trim() !== '' ? [] : [`${path} must be a non-empty string`];

const integer = (value: unknown, path: string, min: number, max: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? []
    : [`${path} must be an integer from ${min} to ${max}`];

/** Ten uppercase hex characters: short enough to read in a log, unique enough for a fake. */
const shortId = () => randomBytes(5).toString('hex').toUpperCase();

/** The e-prescribing network: takes a prescription, answers with its reference. */
export const erxNetwork: PartnerSpec = {
  path: '/prescriptions',
  validate: (body) => [
    ...['prescriptionId', 'patientId', 'productId', 'sig'].flatMap((field) =>
      text(body[field], field),
    ),
    ...integer(body.refills, 'refills', 0, 11),
  ],
  create: () => ({ erxReference: `ERX-${shortId()}` }),
};

/** The pharmacy: takes an order's items, answers with a tracking number. */
export const pharmacy: PartnerSpec = {
  path: '/shipments',
  validate(body) {
    const problems = [
      ...text(body.orderUuid, 'orderUuid'),
      ...text(body.fulfillmentState, 'fulfillmentState'),
    ];
    if (!Array.isArray(body.items) || body.items.length === 0) {
      return [...problems, 'items must be a non-empty array'];
    }
    body.items.forEach((item: unknown, index) => {
      const path = `items[${index}]`;
      if (!isObject(item)) return problems.push(`${path} must be an object`);
      problems.push(
        ...text(item.orderItemUuid, `${path}.orderItemUuid`),
        ...text(item.productId, `${path}.productId`),
        ...integer(item.quantity, `${path}.quantity`, 1, 1_000_000),
      );
    });
    return problems;
  },
  create: () => ({ trackingNumber: `TRK-${shortId()}` }),
};
