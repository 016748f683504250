import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FulfillOrderHandler } from './fulfillment/fulfill-order.handler';
import { FulfillmentProcessor } from './fulfillment/fulfillment.processor';
import { PHARMACY_OPTIONS, PharmacyClient, PharmacyOptions } from './fulfillment/pharmacy.client';
import { OrdersModule } from './orders.module';

/** The Orders jobs, run by the worker app: shipping ready orders through the pharmacy. */
@Module({})
export class OrdersWorkerModule {
  static forRoot(pharmacy: PharmacyOptions): DynamicModule {
    return {
      module: OrdersWorkerModule,
      imports: [CqrsModule, OrdersModule],
      providers: [
        { provide: PHARMACY_OPTIONS, useValue: pharmacy },
        PharmacyClient,
        FulfillOrderHandler,
        FulfillmentProcessor,
      ],
    };
  }
}
