"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ORDER_ITEM_STATUSES = exports.ORDER_STATUSES = void 0;
exports.ORDER_STATUSES = [
    'pending_clinical_review',
    'ready_for_fulfillment',
    'fulfilled',
    'cancelled',
];
exports.ORDER_ITEM_STATUSES = [
    'pending_review',
    'not_required',
    'clinically_approved',
    'rejected',
];
