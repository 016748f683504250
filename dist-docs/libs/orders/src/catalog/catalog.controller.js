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
exports.CatalogController = exports.ProductView = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const platform_1 = require("../../../platform/src/index.js");
const product_entity_1 = require("./product.entity");
class ProductView {
}
exports.ProductView = ProductView;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'amoxicillin-500mg' }),
    __metadata("design:type", String)
], ProductView.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ProductView.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], ProductView.prototype, "requiresPrescription", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ProductView.prototype, "priceCents", void 0);
let CatalogController = class CatalogController {
    constructor(unitOfWork) {
        this.unitOfWork = unitOfWork;
    }
    async list() {
        const products = await this.unitOfWork.manager.find(product_entity_1.Product, { order: { name: 'ASC' } });
        return products.map(({ id, name, requiresPrescription, priceCents }) => ({
            id,
            name,
            requiresPrescription,
            priceCents,
        }));
    }
};
exports.CatalogController = CatalogController;
__decorate([
    (0, common_1.Get)(),
    (0, platform_1.Public)(),
    (0, swagger_1.ApiOkResponse)({ type: [ProductView] }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], CatalogController.prototype, "list", null);
exports.CatalogController = CatalogController = __decorate([
    (0, swagger_1.ApiTags)('catalog'),
    (0, common_1.Controller)('products'),
    __metadata("design:paramtypes", [platform_1.UnitOfWork])
], CatalogController);
