"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CurrentUser = exports.Roles = exports.Public = exports.ALLOWED_ROLES = exports.PUBLIC_ROUTE = void 0;
const common_1 = require("@nestjs/common");
exports.PUBLIC_ROUTE = 'auth:public';
exports.ALLOWED_ROLES = 'auth:roles';
/** The route needs no token (health, catalog, dev login). */
const Public = () => (0, common_1.SetMetadata)(exports.PUBLIC_ROUTE, true);
exports.Public = Public;
/** Only these roles may call the route; any other authenticated caller gets a 403. */
const Roles = (...roles) => (0, common_1.SetMetadata)(exports.ALLOWED_ROLES, roles);
exports.Roles = Roles;
exports.CurrentUser = (0, common_1.createParamDecorator)((_, context) => context.switchToHttp().getRequest().user);
