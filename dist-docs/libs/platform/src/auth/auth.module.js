"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AuthModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const jwt_1 = require("@nestjs/jwt");
const bearer_auth_guard_1 = require("./bearer-auth.guard");
const token_issuer_1 = require("./token-issuer");
const token_verifier_1 = require("./token-verifier");
/** Bearer JWT (HS256) on every route of the HTTP app. */
let AuthModule = AuthModule_1 = class AuthModule {
    static forRoot(options) {
        return {
            module: AuthModule_1,
            imports: [
                jwt_1.JwtModule.register({
                    secret: options.jwtSecret,
                    signOptions: { algorithm: 'HS256', expiresIn: options.tokenTtlSeconds },
                    verifyOptions: { algorithms: ['HS256'] },
                }),
            ],
            providers: [token_issuer_1.TokenIssuer, token_verifier_1.TokenVerifier, { provide: core_1.APP_GUARD, useClass: bearer_auth_guard_1.BearerAuthGuard }],
            exports: [token_issuer_1.TokenIssuer, token_verifier_1.TokenVerifier],
        };
    }
};
exports.AuthModule = AuthModule;
exports.AuthModule = AuthModule = AuthModule_1 = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({})
], AuthModule);
