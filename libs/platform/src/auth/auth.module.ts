import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { BearerAuthGuard } from './bearer-auth.guard';
import { SigningKeys } from './signing-keys';
import { AUTH_OPTIONS } from './token-policy';
import { TokenIssuer } from './token-issuer';
import { TokenVerifier } from './token-verifier';

export interface AuthOptions {
  readonly keys: SigningKeys;
  /** The `iss` every token carries and must carry. */
  readonly issuer: string;
  /** The `aud` every token carries and must carry. */
  readonly audience: string;
  /** Token lifetime in seconds; also the longest lifetime a presented token may claim. */
  readonly tokenTtlSeconds: number;
}

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
