"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fulfillmentJobId = exports.FULFILLMENT_QUEUE = void 0;
exports.FULFILLMENT_QUEUE = 'fulfillment';
/** One job per order, whoever enqueues it and however often. */
const fulfillmentJobId = (orderUuid) => `fulfill-${orderUuid}`;
exports.fulfillmentJobId = fulfillmentJobId;
