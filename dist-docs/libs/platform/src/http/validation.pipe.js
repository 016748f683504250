"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createValidationPipe = createValidationPipe;
const common_1 = require("@nestjs/common");
/**
 * Validates every body and query against its DTO: unknown fields, wrong types and out-of-range
 * values are refused with one problem listing each field, and nothing reaches the use case.
 */
function createValidationPipe() {
    return new common_1.ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        exceptionFactory: (errors) => new common_1.BadRequestException({
            title: 'Validation Failed',
            detail: 'The request has invalid fields.',
            errors: flatten(errors),
        }),
    });
}
function flatten(errors, prefix = '') {
    return errors.flatMap((error) => {
        const field = prefix ? `${prefix}.${error.property}` : error.property;
        const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
        return [...own, ...flatten(error.children ?? [], field)];
    });
}
