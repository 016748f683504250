import type { Traced } from '@pharmacy/platform';

export const FULFILLMENT_QUEUE = 'fulfillment';

export type FulfillmentJobData = Traced<{ readonly orderUuid: string }>;

/** One job per order, whoever enqueues it and however often. */
export const fulfillmentJobId = (orderUuid: string) => `fulfill-${orderUuid}`;
