import type { ModulePersistence } from '@pharmacy/platform';
import { CreateUsers1764115100000 } from './migrations/1764115100000-create-users';
import { AddUserActive1764115600000 } from './migrations/1764115600000-add-user-active';
import { User } from './user.entity';

export { IdentityModule } from './identity.module';
export { DEMO_USERS, seedDemoUsers } from './demo-users';

export const identityPersistence: ModulePersistence = {
  entities: [User],
  migrations: [CreateUsers1764115100000, AddUserActive1764115600000],
};
