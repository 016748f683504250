import type { Order } from '../order.entity';

/** The order is not ready for fulfillment: shipping it can never become right by retrying. */
export class OrderCannotShipError extends Error {
  constructor(order: Order) {
    super(`Order ${order.uuid} cannot ship from ${order.status}`);
  }
}
