export const ORDER_STATUSES = [
  'pending_clinical_review',
  'ready_for_fulfillment',
  'fulfillment_failed',
  'fulfilled',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ITEM_STATUSES = [
  'pending_review',
  'not_required',
  'clinically_approved',
  'rejected',
] as const;
export type OrderItemStatus = (typeof ORDER_ITEM_STATUSES)[number];
