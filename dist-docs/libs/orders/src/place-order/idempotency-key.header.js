"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseIdempotencyKey = parseIdempotencyKey;
const common_1 = require("@nestjs/common");
const KEY = /^[\x21-\x7e]{1,255}$/;
function parseIdempotencyKey(value) {
    if (value === undefined)
        return undefined;
    if (!KEY.test(value)) {
        throw new common_1.BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters.');
    }
    return value;
}
