"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrderReadyForFulfillmentEvent = void 0;
const platform_1 = require("../../../platform/src/index.js");
/** Every item of the order is decided and at least one can ship. */
class OrderReadyForFulfillmentEvent extends platform_1.DomainEvent {
    static { this.type = 'orders.order-ready-for-fulfillment'; }
    static { this.version = 1; }
}
exports.OrderReadyForFulfillmentEvent = OrderReadyForFulfillmentEvent;
