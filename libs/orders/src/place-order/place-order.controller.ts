import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RateLimit, Roles } from '@pharmacy/platform';
import type { AuthenticatedUser } from '@pharmacy/platform';
import { OrderView } from '../view-orders/order.view';
import { PlaceOrderCommand } from './place-order.command';
import { PlaceOrderRequest } from './place-order.request';
import { parseIdempotencyKey } from './idempotency-key.header';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class PlaceOrderController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('patient')
  @RateLimit('orders')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Makes retries safe: a replay returns the first answer.',
  })
  @ApiCreatedResponse({ type: OrderView })
  place(
    @CurrentUser() patient: AuthenticatedUser,
    @Body() request: PlaceOrderRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<OrderView> {
    const key = parseIdempotencyKey(idempotencyKey);
    return this.commands.execute(new PlaceOrderCommand(patient.id, request, key));
  }
}
