import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@pharmacy/platform';
import { Notification } from './notification.entity';

/** Notifications as the current unit of work sees them. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Inserts the notification unless one of the same kind exists for the order (the unique
   * constraint on (order_uuid, kind)), so a duplicate event changes nothing. Returns whether a
   * row was inserted.
   */
  async insertOnce(notification: Notification): Promise<boolean> {
    const { id, patientId, kind, orderUuid, message } = notification;
    const result = await this.unitOfWork.manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({ id, patientId, kind, orderUuid, message })
      .orIgnore() // ON CONFLICT DO NOTHING
      .returning(['id'])
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** The patient's newest notifications first. */
  findForPatient(patientId: string, limit: number): Promise<Notification[]> {
    return this.unitOfWork.manager.find(Notification, {
      where: { patientId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }
}
