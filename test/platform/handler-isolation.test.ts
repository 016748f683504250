import { INestApplicationContext, Logger } from '@nestjs/common';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { BACKENDS, bootPlatform } from '../support/platform-app';
import { waitFor } from '../support/wait-for';

class ThingHappenedEvent extends DomainEvent<{ n: number }> {
  static readonly type = 'test.thing-happened';
  static readonly version = 1;
}

describe.each(BACKENDS)('A failing subscriber (%s backend)', (backend) => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await bootPlatform({ eventBusBackend: backend });
  });

  afterAll(() => app.close());

  it('stops neither the other subscribers nor the publisher, and is logged with event and subscriber', async () => {
    const bus = app.get(EventBus);
    const uow = app.get(UnitOfWork);
    const delivered: string[] = [];
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

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

    // The registry logs a warning while it will retry; the in-memory bus an error, as it will not.
    const logged = backend === 'registry' ? warnings : errors;
    await waitFor('the failure to be logged', () => logged.mock.calls.length > 0);
    await waitFor('both other subscribers', () => delivered.length === 2);
    expect(delivered.sort()).toEqual(['after', 'before']);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({
        eventType: 'test.thing-happened',
        eventId: event.eventId,
        subscriber: 'test.always-fails',
      }),
      expect.stringContaining('test.always-fails'),
    );
    errors.mockRestore();
    warnings.mockRestore();
  });
});
