import type { ModulePersistence } from './database/postgres-options';
import { EventPublication } from './events/registry/event-publication.entity';
import { CreateEventPublications1764115000000 } from './migrations/1764115000000-create-event-publications';

/** The platform's own table: the event publication registry. */
export const platformPersistence: ModulePersistence = {
  entities: [EventPublication],
  migrations: [CreateEventPublications1764115000000],
};
