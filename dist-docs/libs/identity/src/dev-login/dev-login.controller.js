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
exports.DevLoginController = exports.AccessTokenView = exports.DevLoginRequest = exports.DEV_LOGIN_ENABLED = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const platform_1 = require("../../../platform/src/index.js");
const class_validator_1 = require("class-validator");
const user_entity_1 = require("../user.entity");
exports.DEV_LOGIN_ENABLED = Symbol('DEV_LOGIN_ENABLED');
class DevLoginRequest {
}
exports.DevLoginRequest = DevLoginRequest;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'patient1@example.com' }),
    (0, class_validator_1.IsEmail)(),
    __metadata("design:type", String)
], DevLoginRequest.prototype, "email", void 0);
class AccessTokenView {
}
exports.AccessTokenView = AccessTokenView;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AccessTokenView.prototype, "accessToken", void 0);
/**
 * Demo only: a token for a seeded user, no password asked. Answers 404, as if it did not exist,
 * unless AUTH_DEV_LOGIN=true.
 */
let DevLoginController = class DevLoginController {
    constructor(enabled, unitOfWork, tokens) {
        this.enabled = enabled;
        this.unitOfWork = unitOfWork;
        this.tokens = tokens;
    }
    async login({ email }) {
        if (!this.enabled)
            throw new common_1.NotFoundException('Cannot POST /api/auth/dev-login');
        const user = await this.unitOfWork.manager.findOneBy(user_entity_1.User, { email: email.toLowerCase() });
        if (!user)
            throw new common_1.UnauthorizedException(`No seeded user has the email ${email}.`);
        return { accessToken: await this.tokens.issue(user) };
    }
};
exports.DevLoginController = DevLoginController;
__decorate([
    (0, common_1.Post)('dev-login'),
    (0, platform_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOkResponse)({ type: AccessTokenView }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [DevLoginRequest]),
    __metadata("design:returntype", Promise)
], DevLoginController.prototype, "login", null);
exports.DevLoginController = DevLoginController = __decorate([
    (0, swagger_1.ApiTags)('auth'),
    (0, common_1.Controller)('auth'),
    __param(0, (0, common_1.Inject)(exports.DEV_LOGIN_ENABLED)),
    __metadata("design:paramtypes", [Boolean, platform_1.UnitOfWork,
        platform_1.TokenIssuer])
], DevLoginController);
