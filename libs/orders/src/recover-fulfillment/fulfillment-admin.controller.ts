import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, RetryView } from '@pharmacy/platform';
import type { AuthenticatedUser } from '@pharmacy/platform';
import { OrdersRepository } from '../orders.repository';
import { ListOrdersQuery, OrderAdminView, toOrderAdminView } from './fulfillment-admin.views';
import { RetryFulfillmentCommand } from './retry-fulfillment.command';

/** Recovering orders whose fulfillment failed for good: one of the admin retry routes. */
@ApiTags('admin: recovery')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/orders')
export class FulfillmentAdminController {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOkResponse({ type: [OrderAdminView], description: 'Oldest change first, at most 200.' })
  async list(@Query() { status = 'fulfillment_failed' }: ListOrdersQuery) {
    const found = await this.orders.findByStatus(status, 200);
    return found.map(toOrderAdminView);
  }

  @Post(':uuid/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: RetryView })
  retry(
    @CurrentUser() operator: AuthenticatedUser,
    @Param('uuid', new ParseUUIDPipe()) uuid: string,
  ): Promise<RetryView> {
    return this.commands.execute(new RetryFulfillmentCommand(uuid, operator.id));
  }
}
