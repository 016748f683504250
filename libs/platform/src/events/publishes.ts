import 'reflect-metadata';
import { EventClass } from './domain-event';

const PUBLISHES = 'pharmacy:publishes';

/**
 * Declares the events a use case publishes, next to the code that publishes them. Documentation
 * only: the event catalog (`npm run docs:events`) reads it from the booted apps' providers, and
 * fails on an event contract that no provider of its module declares.
 */
export function Publishes(...events: Pick<EventClass, 'type'>[]): ClassDecorator {
  return (target) => Reflect.defineMetadata(PUBLISHES, events, target);
}

/** The events `cls` declares with {@link Publishes}; none if it declares none. */
export function declaredPublications(cls: object): readonly Pick<EventClass, 'type'>[] {
  return (Reflect.getMetadata(PUBLISHES, cls) as Pick<EventClass, 'type'>[] | undefined) ?? [];
}
