"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.FaultPoints = void 0;
const common_1 = require("@nestjs/common");
/**
 * Named places where a test may inject a failure: an error thrown mid-transaction, or the
 * process killed outright (to prove that nothing committed is lost). Inert unless armed, either
 * in process by a test or, for child processes, by `FAULT_POINTS=name:action,...` together with
 * `ENABLE_FAULT_POINTS=true`.
 */
let FaultPoints = class FaultPoints {
    constructor() {
        this.logger = new common_1.Logger('FaultPoints');
        this.armed = new Map();
        if (process.env.ENABLE_FAULT_POINTS !== 'true')
            return;
        for (const entry of (process.env.FAULT_POINTS ?? '').split(',').filter(Boolean)) {
            const [name, action = 'throw'] = entry.split(':');
            this.arm(name, action);
        }
    }
    arm(name, action = 'throw') {
        this.armed.set(name, action);
    }
    disarm(name) {
        if (name)
            this.armed.delete(name);
        else
            this.armed.clear();
    }
    hit(name) {
        const action = this.armed.get(name);
        if (!action)
            return;
        this.logger.warn(`Fault point ${name} fired: ${action}`);
        if (action === 'crash')
            process.kill(process.pid, 'SIGKILL');
        throw new Error(`Injected fault at ${name}`);
    }
};
exports.FaultPoints = FaultPoints;
exports.FaultPoints = FaultPoints = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [])
], FaultPoints);
