import { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { Scenario } from '@pharmacy/platform/testing';
import { bootPlatform } from '../support/platform-app';

class ParcelSentEvent extends DomainEvent<{ parcel: string }> {
  static readonly type = 'test.parcel-sent';
  static readonly version = 1;
}

class ParcelLostEvent extends DomainEvent<{ parcel: string }> {
  static readonly type = 'test.parcel-lost';
  static readonly version = 1;
}

/** The Scenario API itself, on the real registry: each check passes when it should, and fails when it should. */
describe('Scenario', () => {
  let app: INestApplicationContext;
  let scenario: Scenario;
  const send = (parcel: string, rolledBack = false) =>
    app
      .get(UnitOfWork)
      .run(async () => {
        await app.get(EventBus).publish(new ParcelSentEvent({ parcel }));
        if (rolledBack) throw new Error('rolled back');
        return parcel;
      })
      .catch((error: Error) => (rolledBack ? parcel : Promise.reject(error)));

  beforeAll(async () => {
    app = await bootPlatform({ eventBusBackend: 'registry' });
    scenario = Scenario.of([app], { timeoutMs: 2000 }).observe(ParcelSentEvent);
  });

  afterAll(() => app.close());

  it('waits for the matching event, after commit, and hands it to the check', async () => {
    const event = await scenario
      .stimulate(() => send('a'))
      .andWaitForEventOfType(ParcelSentEvent)
      .matching((candidate, parcel) => candidate.payload.parcel === parcel)
      .toArriveAndVerify((arrived, parcel) => expect(arrived.payload.parcel).toBe(parcel));
    expect(event).toBeInstanceOf(ParcelSentEvent);
  });

  it('fails when no matching event arrives in time', async () => {
    await expect(
      scenario
        .stimulate(() => send('b', true))
        .within(300)
        .andWaitForEventOfType(ParcelSentEvent)
        .matching((candidate) => candidate.payload.parcel === 'b', 'for parcel b')
        .toArrive(),
    ).rejects.toThrow('No test.parcel-sent event for parcel b arrived within 300 ms');
  });

  it('passes "does not arrive" for a rolled-back publish, and fails it for a committed one', async () => {
    await scenario
      .stimulate(() => send('c', true))
      .andWaitForEventOfType(ParcelSentEvent)
      .matching((candidate) => candidate.payload.parcel === 'c')
      .toNotArriveWithin(300);
    await expect(
      scenario
        .stimulate(() => send('d'))
        .andWaitForEventOfType(ParcelSentEvent)
        .matching((candidate) => candidate.payload.parcel === 'd')
        .toNotArriveWithin(1000),
    ).rejects.toThrow(/A test.parcel-sent event arrived/);
  });

  it('ignores events from before the stimulus', async () => {
    await scenario
      .stimulate(() => send('e'))
      .andWaitForEventOfType(ParcelSentEvent)
      .matching((candidate) => candidate.payload.parcel === 'e')
      .toArrive();
    await expect(
      scenario
        .stimulate(() => 'nothing')
        .within(300)
        .andWaitForEventOfType(ParcelSentEvent)
        .matching((candidate) => candidate.payload.parcel === 'e')
        .toArrive(),
    ).rejects.toThrow(/arrived within 300 ms/);
  });

  it('refuses to wait for a type nobody observed while the stimulus ran', async () => {
    const sending = scenario.stimulate(() => send('f'));
    await sending.andWaitForEventOfType(ParcelSentEvent).toArrive();
    expect(() => sending.andWaitForEventOfType(ParcelLostEvent)).toThrow(
      'test.parcel-lost was not observed when the stimulus ran',
    );
  });

  it('waits for a state change, and names the last state when it never comes', async () => {
    let count = 0;
    const counting = scenario.stimulate(() => 3);
    const reached = await counting
      .andWaitForStateChange(
        () => ++count,
        (value, target) => value >= target,
      )
      .andVerify((value) => expect(value).toBe(3));
    expect(reached).toBe(3);
    await expect(
      scenario
        .stimulate(() => 'never')
        .within(100)
        .andWaitForStateChange(
          () => 'same',
          (state) => state === 'other',
        )
        .andVerify(),
    ).rejects.toThrow('The state did not change within 100 ms; last read "same"');
  });
});
