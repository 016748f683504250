"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrderFulfilledEvent = void 0;
const platform_1 = require("../../../platform/src/index.js");
/** The pharmacy partner accepted the shipment. */
class OrderFulfilledEvent extends platform_1.DomainEvent {
    static { this.type = 'orders.order-fulfilled'; }
    static { this.version = 1; }
}
exports.OrderFulfilledEvent = OrderFulfilledEvent;
