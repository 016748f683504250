"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrderPlacedEvent = void 0;
const platform_1 = require("../../../platform/src/index.js");
/** A patient placed an order. EHR opens an encounter for its prescription items. */
class OrderPlacedEvent extends platform_1.DomainEvent {
    static { this.type = 'orders.order-placed'; }
    static { this.version = 1; }
}
exports.OrderPlacedEvent = OrderPlacedEvent;
