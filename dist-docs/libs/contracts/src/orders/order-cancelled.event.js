"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrderCancelledEvent = void 0;
const platform_1 = require("../../../platform/src/index.js");
/** Every item of the order was rejected in clinical review, so nothing ships. */
class OrderCancelledEvent extends platform_1.DomainEvent {
    static { this.type = 'orders.order-cancelled'; }
    static { this.version = 1; }
}
exports.OrderCancelledEvent = OrderCancelledEvent;
