import { Inject, Injectable } from '@nestjs/common';
import { postToPartner } from '@pharmacy/platform';

export interface PharmacyOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

export const PHARMACY_OPTIONS = Symbol('PHARMACY_OPTIONS');

export interface Shipment {
  readonly orderUuid: string;
  readonly fulfillmentState: string;
  readonly items: readonly { orderItemUuid: string; productId: string; quantity: number }[];
}

/** The pharmacy partner that ships orders, behind its HTTP contract. */
@Injectable()
export class PharmacyClient {
  constructor(@Inject(PHARMACY_OPTIONS) private readonly options: PharmacyOptions) {}

  ship(shipment: Shipment): Promise<{ trackingNumber: string }> {
    return postToPartner({
      partner: 'pharmacy',
      url: `${this.options.baseUrl}/shipments`,
      body: shipment,
      idempotencyKey: shipment.orderUuid,
      requires: 'trackingNumber',
      timeoutMs: this.options.timeoutMs,
    });
  }
}
