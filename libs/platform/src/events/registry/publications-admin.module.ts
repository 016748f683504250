import { Module } from '@nestjs/common';
import { PublicationsAdminController } from './publications-admin.controller';

/** The admin HTTP surface of the registry; the HTTP app imports it, the worker does not. */
@Module({ controllers: [PublicationsAdminController] })
export class PublicationsAdminModule {}
