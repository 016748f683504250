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
exports.BearerAuthGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const auth_decorators_1 = require("./auth.decorators");
const token_verifier_1 = require("./token-verifier");
/** Every route needs a valid bearer token unless marked `@Public()`; `@Roles()` narrows who. */
let BearerAuthGuard = class BearerAuthGuard {
    constructor(reflector, tokens) {
        this.reflector = reflector;
        this.tokens = tokens;
    }
    async canActivate(context) {
        const targets = [context.getHandler(), context.getClass()];
        if (this.reflector.getAllAndOverride(auth_decorators_1.PUBLIC_ROUTE, targets))
            return true;
        const request = context.switchToHttp().getRequest();
        const user = await this.authenticate(request.header('authorization'));
        request.user = user;
        const allowed = this.reflector.getAllAndOverride(auth_decorators_1.ALLOWED_ROLES, targets);
        if (allowed && !allowed.includes(user.role)) {
            throw new common_1.ForbiddenException(`This action is not allowed for the ${user.role} role.`);
        }
        return true;
    }
    async authenticate(header) {
        const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '')?.[1];
        if (!token)
            throw new common_1.UnauthorizedException('A bearer token is required.');
        const user = await this.tokens.verify(token);
        if (!user)
            throw new common_1.UnauthorizedException('The bearer token is invalid or expired.');
        return user;
    }
};
exports.BearerAuthGuard = BearerAuthGuard;
exports.BearerAuthGuard = BearerAuthGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector,
        token_verifier_1.TokenVerifier])
], BearerAuthGuard);
