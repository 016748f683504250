"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FulfillOrderCommand = void 0;
const cqrs_1 = require("@nestjs/cqrs");
class FulfillOrderCommand extends cqrs_1.Command {
    constructor(orderUuid) {
        super();
        this.orderUuid = orderUuid;
    }
}
exports.FulfillOrderCommand = FulfillOrderCommand;
