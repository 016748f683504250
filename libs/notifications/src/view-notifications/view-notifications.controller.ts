import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@pharmacy/platform';
import type { AuthenticatedUser } from '@pharmacy/platform';
import { NotificationsRepository } from '../notifications.repository';
import { NotificationView, toNotificationView } from './notification.view';

const LIMIT = 100;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class ViewNotificationsController {
  constructor(private readonly notifications: NotificationsRepository) {}

  @Get()
  @Roles('patient')
  @ApiOkResponse({
    type: [NotificationView],
    description: `The caller's own notifications, newest first (at most ${LIMIT}).`,
  })
  async mine(@CurrentUser() patient: AuthenticatedUser): Promise<NotificationView[]> {
    return (await this.notifications.findForPatient(patient.id, LIMIT)).map(toNotificationView);
  }
}
