import { UnitOfWork } from '../../transactions/unit-of-work';
import { DeliveryLanes } from './delivery-lanes';
import { DEFAULT_REGISTRY_OPTIONS } from './registry-options';

/** One lane and room for nine deliveries (the running one and eight waiting). */
function oneLane(): DeliveryLanes {
  const unitOfWork = { detached: <T>(work: () => T) => work() } as unknown as UnitOfWork;
  return new DeliveryLanes(unitOfWork, { ...DEFAULT_REGISTRY_OPTIONS, concurrency: 1 });
}

/** A delivery held until the test releases it. */
function held(): { delivery: () => Promise<void>; release: () => void; ran: () => boolean } {
  let release!: () => void;
  let ran = false;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    delivery: async () => {
      await released;
      ran = true;
    },
    release: () => release(),
    ran: () => ran,
  };
}

/** Lets every promise settle that can settle without a timer or I/O. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('DeliveryLanes', () => {
  it('start deliveries without waiting for them while there is room', async () => {
    const lanes = oneLane();
    const deliveries = Array.from({ length: 9 }, held);
    for (const { delivery } of deliveries) await lanes.start(delivery);
    deliveries.forEach(({ release }) => release());
    await lanes.drain();
    expect(deliveries.every(({ ran }) => ran())).toBe(true);
  });

  it('make a publisher wait for room once the lanes are full, until a delivery ends', async () => {
    const lanes = oneLane();
    const deliveries = Array.from({ length: 9 }, held);
    for (const { delivery } of deliveries) await lanes.start(delivery);

    let admitted = false;
    const tenth = held();
    const starting = lanes.start(tenth.delivery).then(() => (admitted = true));
    await settle();
    expect(admitted).toBe(false);

    deliveries[0].release();
    await starting;
    expect(admitted).toBe(true);
    [...deliveries, tenth].forEach(({ release }) => release());
    await lanes.drain();
    expect(tenth.ran()).toBe(true);
  });

  it('never make a delivery wait for room: it would hold the lane it waits for', async () => {
    const lanes = oneLane();
    let followUpStarted = false;
    const followUp = held();
    const gate = held();
    await lanes.start(async () => {
      await gate.delivery();
      await lanes.start(followUp.delivery);
      followUpStarted = true;
    });
    const waiting = Array.from({ length: 8 }, held);
    for (const { delivery } of waiting) await lanes.start(delivery);

    // The lanes are full now; the running delivery starts its follow-up at once all the same.
    gate.release();
    await settle();
    expect(followUpStarted).toBe(true);
    [...waiting, followUp].forEach(({ release }) => release());
    await lanes.drain();
  });

  it('queue a delivery all the same when no room comes within the deadline', async () => {
    jest.useFakeTimers();
    try {
      const lanes = oneLane();
      const deliveries = Array.from({ length: 9 }, held);
      for (const { delivery } of deliveries) await lanes.start(delivery);
      const tenth = held();
      const starting = lanes.start(tenth.delivery);

      jest.advanceTimersByTime(1_000);
      await starting;
      [...deliveries, tenth].forEach(({ release }) => release());
      await lanes.drain();
      expect(tenth.ran()).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('give a publisher of several deliveries one deadline in all, not one per delivery', async () => {
    jest.useFakeTimers();
    try {
      const lanes = oneLane();
      const deliveries = Array.from({ length: 9 }, held);
      for (const { delivery } of deliveries) await lanes.start(delivery);
      const [tenth, eleventh] = [held(), held()];
      let started = false;
      const starting = lanes.start(tenth.delivery, eleventh.delivery).then(() => (started = true));

      await jest.advanceTimersByTimeAsync(1_000);
      expect(started).toBe(true);
      await starting;
      [...deliveries, tenth, eleventh].forEach(({ release }) => release());
      await lanes.drain();
      expect(eleventh.ran()).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
