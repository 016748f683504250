import { DynamicModule, Global, Module } from '@nestjs/common';
import { UserDirectory } from '@pharmacy/platform';
import { ActiveUsersDirectory, USER_CACHE_MS } from './authenticate/active-users.directory';
import { DevLoginController } from './dev-login/dev-login.controller';

export interface IdentityOptions {
  /** Mounts the demo login (demo mode only); off, the route does not exist (404). */
  readonly devLogin: boolean;
  /** How long the bearer guard may trust a user lookup, in ms (0: look up every request). */
  readonly userCacheMs: number;
}

/**
 * Identity: who the users are. Authentication itself is the platform's bearer guard; this module
 * tells it which users exist and are active (global, so the guard can inject the directory).
 */
@Global()
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      controllers: options.devLogin ? [DevLoginController] : [],
      providers: [
        { provide: USER_CACHE_MS, useValue: options.userCacheMs },
        { provide: UserDirectory, useClass: ActiveUsersDirectory },
      ],
      exports: [UserDirectory],
    };
  }
}
