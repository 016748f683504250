"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.erxJobId = exports.ERX_QUEUE = void 0;
exports.ERX_QUEUE = 'erx-submission';
/** One submission per prescription, whoever enqueues it and however often. */
const erxJobId = (prescriptionId) => `erx-${prescriptionId}`;
exports.erxJobId = erxJobId;
