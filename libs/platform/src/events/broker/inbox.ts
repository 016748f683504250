import { Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { UnitOfWork } from '../../transactions/unit-of-work';

/**
 * What each subscriber has already received from the broker: one row per (event id,
 * subscriber), written in the subscriber's own transaction, so it commits exactly when the
 * subscriber's effects do.
 */
@Injectable()
export class Inbox {
  private readonly consumer = `${hostname()}:${process.pid}`;

  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Records the event as received by the subscriber; false when it already was. A concurrent
   * copy of the same message waits on the row until the first transaction ends, then sees it.
   */
  async receive(eventId: string, subscriber: string): Promise<boolean> {
    const rows: unknown[] = await this.unitOfWork.manager.query(
      `insert into event_inbox (event_id, subscriber, consumer) values ($1, $2, $3)
       on conflict do nothing returning event_id`,
      [eventId, subscriber, this.consumer],
    );
    return rows.length > 0;
  }

  /** Forgets receipts older than the retention, a batch at a time; returns how many. */
  async purge(olderThanMs: number, batch: number): Promise<number> {
    const result: [unknown[], number] = await this.unitOfWork.manager.query(
      `delete from event_inbox where (subscriber, event_id) in (
         select subscriber, event_id from event_inbox
         where received_at < now() - $1 * interval '1 millisecond' limit $2)`,
      [olderThanMs, batch],
    );
    return result[1];
  }
}
