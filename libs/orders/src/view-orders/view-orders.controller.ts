import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditRead, CurrentUser, Roles } from '@pharmacy/platform';
import type { AuthenticatedUser } from '@pharmacy/platform';
import { OrdersRepository } from '../orders.repository';
import { OrderView, toOrderView } from './order.view';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class ViewOrdersController {
  constructor(private readonly orders: OrdersRepository) {}

  @Get()
  @Roles('patient')
  @ApiOkResponse({ type: [OrderView] })
  async mine(@CurrentUser() patient: AuthenticatedUser): Promise<OrderView[]> {
    return (await this.orders.findForPatient(patient.id)).map(toOrderView);
  }

  /**
   * Patients see only their own orders: another patient's order answers 404, not 403, so ids do
   * not leak. Providers read the encounter, not the order; admins read it with a stated reason.
   */
  @Get(':uuid')
  @Roles('patient', 'admin')
  @AuditRead('order', 'uuid')
  @ApiOkResponse({ type: OrderView })
  async one(
    @CurrentUser() user: AuthenticatedUser,
    @Param('uuid', new ParseUUIDPipe({ version: '4' })) uuid: string,
  ): Promise<OrderView> {
    const order = await this.orders.find(uuid);
    if (!order || (user.role === 'patient' && order.patientId !== user.id)) {
      throw new NotFoundException(`Order ${uuid} was not found.`);
    }
    return toOrderView(order);
  }
}
