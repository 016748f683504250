import { DomainEvent, EventClass } from '../domain-event';
import { deserializeEvent, serializeEvent, UnknownEventError } from './event-serializer';

class ParcelScheduledEvent extends DomainEvent<{
  parcelId: string;
  pickUpAt: Date;
  stops: { city: string; eta: Date; notes: string[] }[];
  weightKg: number;
  fragile: boolean;
  label: string | null;
}> {
  static readonly type = 'test.parcel-scheduled';
  static readonly version = 2;
}

const classOf = (type: string) =>
  (type === ParcelScheduledEvent.type ? ParcelScheduledEvent : undefined) as EventClass | undefined;

describe('Event serialization', () => {
  const event = new ParcelScheduledEvent(
    {
      parcelId: 'p-1',
      pickUpAt: new Date('2026-11-26T08:30:00.123Z'),
      stops: [
        { city: 'Austin', eta: new Date('2026-11-27T10:00:00Z'), notes: ['ring twice'] },
        { city: 'Dallas', eta: new Date('2026-11-28T12:00:00Z'), notes: [] },
      ],
      weightKg: 1.25,
      fragile: true,
      label: null,
    },
    {
      eventId: 'a7c1d1e2-3f4a-4b5c-8d9e-0f1a2b3c4d5e',
      occurredAt: new Date('2026-11-26T08:00:00.001Z'),
      correlationId: 'request-42',
      causationId: 'event-41',
    },
  );

  it('round-trips payload, nested dates and metadata through JSON without loss', () => {
    const stored = JSON.parse(JSON.stringify(serializeEvent(event)));
    const back = deserializeEvent(stored, classOf) as ParcelScheduledEvent;

    expect(back).toBeInstanceOf(ParcelScheduledEvent);
    expect(back.payload).toEqual(event.payload);
    expect(back.payload.stops[1].eta).toBeInstanceOf(Date);
    expect(back.payload.pickUpAt.getTime()).toBe(event.payload.pickUpAt.getTime());
    expect([back.eventId, back.occurredAt, back.correlationId, back.causationId]).toEqual([
      event.eventId,
      event.occurredAt,
      event.correlationId,
      event.causationId,
    ]);
    expect([back.type, back.version]).toEqual(['test.parcel-scheduled', 2]);
  });

  it('refuses an unknown event type instead of dropping it', () => {
    const stored = { ...serializeEvent(event), type: 'test.never-heard-of' };
    expect(() => deserializeEvent(stored, classOf)).toThrow(UnknownEventError);
  });

  it('refuses a version this code does not read', () => {
    const stored = { ...serializeEvent(event), version: 1 };
    expect(() => deserializeEvent(stored, classOf)).toThrow(/stored as version 1.*reads version 2/);
  });

  it('keeps an object that merely has a $date key among others', () => {
    class OddEvent extends DomainEvent<{ box: { $date: string; other: number } }> {
      static readonly type = 'test.odd';
      static readonly version = 1;
    }
    const odd = new OddEvent({ box: { $date: 'not a date', other: 1 } });
    const back = deserializeEvent(
      JSON.parse(JSON.stringify(serializeEvent(odd))),
      () => OddEvent as unknown as EventClass,
    );
    expect(back.payload).toEqual({ box: { $date: 'not a date', other: 1 } });
  });
});
