import { DynamicModule, Module } from '@nestjs/common';
import { DevLoginController } from './dev-login/dev-login.controller';

/** Identity: who the users are. Authentication itself is the platform's bearer guard. */
@Module({})
export class IdentityModule {
  /** @param options.devLogin mounts the demo login; off, the route does not exist (404). */
  static forRoot(options: { devLogin: boolean }): DynamicModule {
    return {
      module: IdentityModule,
      controllers: options.devLogin ? [DevLoginController] : [],
    };
  }
}
