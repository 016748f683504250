"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PRESCRIPTION_STATUSES = exports.REQUEST_STATUSES = exports.ENCOUNTER_STATUSES = void 0;
exports.ENCOUNTER_STATUSES = ['open', 'completed'];
exports.REQUEST_STATUSES = ['pending', 'approved', 'rejected'];
exports.PRESCRIPTION_STATUSES = [
    'pending_transmission',
    'transmitted',
    'transmission_failed',
];
