import { INestApplicationContext, Logger } from '@nestjs/common';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { bootPlatform } from '../support/platform-app';

class ThingHappenedEvent extends DomainEvent<{ n: number }> {
  static readonly type = 'test.thing-happened';
  static readonly version = 1;
}

describe('A failing subscriber', () => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await bootPlatform();
  });

  afterAll(() => app.close());

  it('stops neither the other subscribers nor the publisher, and is logged with event and subscriber', async () => {
    const bus = app.get(EventBus);
    const uow = app.get(UnitOfWork);
    const delivered: string[] = [];
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    bus.subscribe(ThingHappenedEvent, 'test.before-the-failure', () => {
      delivered.push('before');
    });
    bus.subscribe(ThingHappenedEvent, 'test.always-fails', () => {
      throw new Error('subscriber bug');
    });
    bus.subscribe(ThingHappenedEvent, 'test.after-the-failure', () => {
      delivered.push('after');
    });

    const event = new ThingHappenedEvent({ n: 1 });
    await expect(uow.run(() => bus.publish(event))).resolves.toBeUndefined();

    expect(delivered).toEqual(['before', 'after']);
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({
        eventType: 'test.thing-happened',
        eventId: event.eventId,
        subscriber: 'test.always-fails',
      }),
      expect.stringContaining('test.always-fails'),
    );
    errors.mockRestore();
  });
});
