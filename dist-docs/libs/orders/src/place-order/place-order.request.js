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
exports.PlaceOrderRequest = exports.OrderLineRequest = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const us_states_1 = require("./us-states");
class OrderLineRequest {
}
exports.OrderLineRequest = OrderLineRequest;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'amoxicillin-500mg' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    __metadata("design:type", String)
], OrderLineRequest.prototype, "productId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: 1, maximum: 10, example: 1 }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(10),
    __metadata("design:type", Number)
], OrderLineRequest.prototype, "quantity", void 0);
class PlaceOrderRequest {
}
exports.PlaceOrderRequest = PlaceOrderRequest;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [OrderLineRequest], minItems: 1, maxItems: 20 }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => OrderLineRequest),
    __metadata("design:type", Array)
], PlaceOrderRequest.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Two-letter US state the order ships to.', example: 'CA' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsIn)(us_states_1.US_STATE_CODES, {
        message: 'fulfillmentState must be a two-letter US state code in upper case',
    }),
    __metadata("design:type", String)
], PlaceOrderRequest.prototype, "fulfillmentState", void 0);
