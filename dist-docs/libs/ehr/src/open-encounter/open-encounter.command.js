"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OpenEncounterCommand = void 0;
const cqrs_1 = require("@nestjs/cqrs");
class OpenEncounterCommand extends cqrs_1.Command {
    constructor(order) {
        super();
        this.order = order;
    }
}
exports.OpenEncounterCommand = OpenEncounterCommand;
