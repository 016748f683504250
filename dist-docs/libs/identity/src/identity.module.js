"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var IdentityModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdentityModule = void 0;
const common_1 = require("@nestjs/common");
const dev_login_controller_1 = require("./dev-login/dev-login.controller");
/** Identity: who the users are. Authentication itself is the platform's bearer guard. */
let IdentityModule = IdentityModule_1 = class IdentityModule {
    static forRoot(options) {
        return {
            module: IdentityModule_1,
            controllers: [dev_login_controller_1.DevLoginController],
            providers: [{ provide: dev_login_controller_1.DEV_LOGIN_ENABLED, useValue: options.devLogin }],
        };
    }
};
exports.IdentityModule = IdentityModule;
exports.IdentityModule = IdentityModule = IdentityModule_1 = __decorate([
    (0, common_1.Module)({})
], IdentityModule);
