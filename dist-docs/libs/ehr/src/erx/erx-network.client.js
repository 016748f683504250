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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ErxNetworkClient = exports.ERX_NETWORK_OPTIONS = void 0;
const common_1 = require("@nestjs/common");
const platform_1 = require("../../../platform/src/index.js");
exports.ERX_NETWORK_OPTIONS = Symbol('ERX_NETWORK_OPTIONS');
/** The external eRx network, behind its HTTP contract. */
let ErxNetworkClient = class ErxNetworkClient {
    constructor(options) {
        this.options = options;
    }
    submit(submission) {
        return (0, platform_1.postToPartner)({
            partner: 'eRx network',
            url: `${this.options.baseUrl}/prescriptions`,
            body: submission,
            idempotencyKey: submission.prescriptionId,
            timeoutMs: this.options.timeoutMs,
        });
    }
};
exports.ErxNetworkClient = ErxNetworkClient;
exports.ErxNetworkClient = ErxNetworkClient = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(exports.ERX_NETWORK_OPTIONS)),
    __metadata("design:paramtypes", [Object])
], ErxNetworkClient);
