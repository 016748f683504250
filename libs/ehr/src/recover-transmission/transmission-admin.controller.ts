import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, RetryView } from '@pharmacy/platform';
import type { AuthenticatedUser } from '@pharmacy/platform';
import { EhrRepository } from '../ehr.repository';
import { RetryTransmissionCommand } from './retry-transmission.command';
import {
  ListPrescriptionsQuery,
  PrescriptionAdminView,
  toPrescriptionAdminView,
} from './transmission-admin.views';

/** Recovering prescriptions whose transmission failed for good: one of the admin retry routes. */
@ApiTags('admin: recovery')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/prescriptions')
export class TransmissionAdminController {
  constructor(
    private readonly ehr: EhrRepository,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOkResponse({ type: [PrescriptionAdminView], description: 'Oldest first, at most 200.' })
  async list(@Query() { status = 'transmission_failed' }: ListPrescriptionsQuery) {
    const found = await this.ehr.findPrescriptionsByStatus(status, 200);
    return found.map(toPrescriptionAdminView);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: RetryView })
  retry(
    @CurrentUser() operator: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<RetryView> {
    return this.commands.execute(new RetryTransmissionCommand(id, operator.id));
  }
}
