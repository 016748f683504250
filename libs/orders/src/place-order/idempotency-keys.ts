import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { UnitOfWork } from '@pharmacy/platform';
import { createHash } from 'node:crypto';
import { IdempotencyKey } from './idempotency-key.entity';
import { PlaceOrderRequest } from './place-order.request';

/**
 * Stripe-style idempotency for placing orders. The key row is written in the same transaction as
 * the order: a concurrent duplicate blocks on its unique index until the first commits, then
 * replays the first answer; if the first rolls back, the duplicate goes ahead instead.
 */
@Injectable()
export class IdempotencyKeys {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Claims the key, or returns the answer saved by the request that claimed it first. */
  async claim<T>(
    patientId: string,
    key: string,
    request: PlaceOrderRequest,
  ): Promise<{ replay: T } | null> {
    const requestHash = hash(request);
    const manager = this.unitOfWork.manager;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(IdempotencyKey)
      .values({ patientId, key, requestHash })
      .orIgnore()
      .returning(['key'])
      .execute();
    if (inserted.raw.length > 0) return null;

    const first = await manager.findOneByOrFail(IdempotencyKey, { patientId, key });
    if (first.requestHash !== requestHash) {
      throw new UnprocessableEntityException(
        'This Idempotency-Key was already used with a different request body.',
      );
    }
    return { replay: first.responseBody as T };
  }

  async complete(patientId: string, key: string, responseBody: unknown): Promise<void> {
    await this.unitOfWork.manager.query(
      'update order_idempotency_keys set response_body = $3 where patient_id = $1 and key = $2',
      [patientId, key, JSON.stringify(responseBody)],
    );
  }
}

/** The order's meaning, not its spelling: key order and whitespace do not change the hash. */
function hash(request: PlaceOrderRequest): string {
  const canonical = {
    fulfillmentState: request.fulfillmentState,
    items: request.items.map(({ productId, quantity }) => ({ productId, quantity })),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
