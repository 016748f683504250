"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlaceOrderCommand = void 0;
const cqrs_1 = require("@nestjs/cqrs");
class PlaceOrderCommand extends cqrs_1.Command {
    constructor(patientId, request, idempotencyKey) {
        super();
        this.patientId = patientId;
        this.request = request;
        this.idempotencyKey = idempotencyKey;
    }
}
exports.PlaceOrderCommand = PlaceOrderCommand;
