import { DynamicModule, Module } from '@nestjs/common';
import { DEV_LOGIN_ENABLED, DevLoginController } from './dev-login/dev-login.controller';

/** Identity: who the users are. Authentication itself is the platform's bearer guard. */
@Module({})
export class IdentityModule {
  static forRoot(options: { devLogin: boolean }): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [DevLoginController],
      providers: [{ provide: DEV_LOGIN_ENABLED, useValue: options.devLogin }],
    };
  }
}
