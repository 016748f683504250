import type { ModulePersistence } from '@pharmacy/platform';
import { CreateNotifications1764115400000 } from './migrations/1764115400000-create-notifications';
import { Notification } from './notification.entity';

export { NotificationsModule } from './notifications.module';

export const notificationsPersistence: ModulePersistence = {
  entities: [Notification],
  migrations: [CreateNotifications1764115400000],
};
