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
exports.RejectRequest = exports.ApproveRequest = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
class ApproveRequest {
}
exports.ApproveRequest = ApproveRequest;
__decorate([
    (0, swagger_1.ApiProperty)({
        minLength: 1,
        maxLength: 500,
        example: 'Take one capsule by mouth three times daily.',
    }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 500),
    __metadata("design:type", String)
], ApproveRequest.prototype, "sig", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: 0, maximum: 11, example: 0 }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(11),
    __metadata("design:type", Number)
], ApproveRequest.prototype, "refills", void 0);
class RejectRequest {
}
exports.RejectRequest = RejectRequest;
__decorate([
    (0, swagger_1.ApiProperty)({
        minLength: 1,
        maxLength: 500,
        example: 'Contraindicated with current medication.',
    }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 500),
    __metadata("design:type", String)
], RejectRequest.prototype, "reason", void 0);
