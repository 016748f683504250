import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { AuthenticatedUser } from './authenticated-user';
import { BearerAuthGuard } from './bearer-auth.guard';
import { TokenVerifier } from './token-verifier';

const patient: AuthenticatedUser = { id: 'u-1', email: 'p@example.com', role: 'patient' };

/** A route handler carrying the given metadata, called with the given Authorization header. */
function callTo(metadata: Record<string, unknown>, authorization?: string) {
  const handler = () => undefined;
  for (const [key, value] of Object.entries(metadata)) Reflect.defineMetadata(key, value, handler);
  const request = {
    header: (name: string) => (name === 'authorization' ? authorization : undefined),
  };
  return {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('The bearer auth guard', () => {
  const tokens = { verify: async (token: string) => (token === 'good' ? patient : null) };
  const guard = new BearerAuthGuard(new Reflector(), tokens as TokenVerifier);

  it('lets anyone through a public route', async () => {
    await expect(guard.canActivate(callTo({ [PUBLIC_ROUTE]: true }))).resolves.toBe(true);
  });

  it('refuses a missing or invalid token with 401', async () => {
    const route = { [ALLOWED_ROLES]: ['patient'] };
    await expect(guard.canActivate(callTo(route))).rejects.toThrow(UnauthorizedException);
    await expect(guard.canActivate(callTo(route, 'Bearer bad'))).rejects.toThrow(
      UnauthorizedException,
    );
  });

  it('admits a role the route names, and refuses others with 403', async () => {
    await expect(
      guard.canActivate(callTo({ [ALLOWED_ROLES]: ['patient'] }, 'Bearer good')),
    ).resolves.toBe(true);
    await expect(
      guard.canActivate(callTo({ [ALLOWED_ROLES]: ['admin'] }, 'Bearer good')),
    ).rejects.toThrow(ForbiddenException);
  });

  it('refuses everyone on a route that names no roles: deny by default', async () => {
    await expect(guard.canActivate(callTo({}, 'Bearer good'))).rejects.toThrow(ForbiddenException);
  });
});
