import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { BearerAuthGuard } from './bearer-auth.guard';
import { AUTH_OPTIONS, AuthOptions } from './token-policy';

export type { AuthOptions } from './token-policy';
import { TokenIssuer } from './token-issuer';
import { TokenVerifier } from './token-verifier';

/**
 * Bearer JWT (HS256, with a `kid` naming the key) on every route of the HTTP app. The subject is
 * checked against a {@link UserDirectory} that the app provides (the identity module).
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [JwtModule.register({})],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        TokenIssuer,
        TokenVerifier,
        { provide: APP_GUARD, useClass: BearerAuthGuard },
      ],
      exports: [TokenIssuer, TokenVerifier],
    };
  }
}
