import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { AuthenticatedUser, Role } from './authenticated-user';
import { TokenVerifier } from './token-verifier';

/**
 * Every route needs a valid bearer token unless marked `@Public()`, and names the roles that may
 * call it with `@Roles()`: a route with neither refuses everyone.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const user = await this.authenticate(request.header('authorization'));
    request.user = user;

    // Deny by default: a route that names no roles is a mistake, not an open door.
    const allowed =
      this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    if (!allowed.includes(user.role)) {
      throw new ForbiddenException(`This action is not allowed for the ${user.role} role.`);
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<AuthenticatedUser> {
    // The scheme is case-insensitive (RFC 9110, section 11.1).
    const token = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(header ?? '')?.[1];
    if (!token) throw new UnauthorizedException('A bearer token is required.');
    const user = await this.tokens.verify(token);
    if (!user) throw new UnauthorizedException('The bearer token is invalid or expired.');
    return user;
  }
}
