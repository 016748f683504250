import { Module } from '@nestjs/common';
import { DeadLettersAdminController } from './dead-letters-admin.controller';

/** The admin HTTP surface of the broker backend; an HTTP app imports it in broker mode. */
@Module({ controllers: [DeadLettersAdminController] })
export class DeadLettersAdminModule {}
