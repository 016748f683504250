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
exports.IdempotencyKeys = void 0;
const common_1 = require("@nestjs/common");
const platform_1 = require("../../../platform/src/index.js");
const node_crypto_1 = require("node:crypto");
const idempotency_key_entity_1 = require("./idempotency-key.entity");
/**
 * Stripe-style idempotency for placing orders. The key row is written in the same transaction as
 * the order: a concurrent duplicate blocks on its unique index until the first commits, then
 * replays the first answer; if the first rolls back, the duplicate goes ahead instead.
 */
let IdempotencyKeys = class IdempotencyKeys {
    constructor(unitOfWork) {
        this.unitOfWork = unitOfWork;
    }
    /** Claims the key, or returns the answer saved by the request that claimed it first. */
    async claim(patientId, key, request) {
        const requestHash = hash(request);
        const manager = this.unitOfWork.manager;
        const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(idempotency_key_entity_1.IdempotencyKey)
            .values({ patientId, key, requestHash })
            .orIgnore()
            .returning(['key'])
            .execute();
        if (inserted.raw.length > 0)
            return null;
        const first = await manager.findOneByOrFail(idempotency_key_entity_1.IdempotencyKey, { patientId, key });
        if (first.requestHash !== requestHash) {
            throw new common_1.UnprocessableEntityException('This Idempotency-Key was already used with a different request body.');
        }
        return { replay: first.responseBody };
    }
    async complete(patientId, key, responseBody) {
        await this.unitOfWork.manager.query('update order_idempotency_keys set response_body = $3 where patient_id = $1 and key = $2', [patientId, key, JSON.stringify(responseBody)]);
    }
};
exports.IdempotencyKeys = IdempotencyKeys;
exports.IdempotencyKeys = IdempotencyKeys = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [platform_1.UnitOfWork])
], IdempotencyKeys);
/** The order's meaning, not its spelling: key order and whitespace do not change the hash. */
function hash(request) {
    const canonical = {
        fulfillmentState: request.fulfillmentState,
        items: request.items.map(({ productId, quantity }) => ({ productId, quantity })),
    };
    return (0, node_crypto_1.createHash)('sha256').update(JSON.stringify(canonical)).digest('hex');
}
