import { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { cloudEventAttributes, Trace } from '@pharmacy/platform/testing';
import { connect, type ChannelModel } from 'amqplib';
import { CloudEvent } from 'cloudevents';
import {
  forgetNamespace,
  testBrokerUrl,
  testTopology,
  uniqueNamespace,
} from '../../support/broker';
import { DataSource } from 'typeorm';
import { bootBroker } from '../../support/broker-testing';
import { waitFor } from '../../support/wait-for';
import { describeWithBroker } from '../../support/needs';

class ParcelWeighedEvent extends DomainEvent<{ parcelId: string; grams: number; at: Date }> {
  static readonly type = 'shipping.parcel-weighed';
  static readonly version = 3;
}

describeWithBroker('An event on the wire', () => {
  const namespace = uniqueNamespace();
  const topology = testTopology(namespace);
  const probeQueue = `${namespace}.probe`;
  let app: INestApplicationContext;
  let amqp: ChannelModel;

  beforeAll(async () => {
    app = await bootBroker({ namespace });
    amqp = await connect(testBrokerUrl);
    const channel = await amqp.createChannel();
    await topology.declareExchanges(channel);
    await channel.assertQueue(probeQueue, { exclusive: true });
    await channel.bindQueue(probeQueue, topology.exchange, ParcelWeighedEvent.type);
    await channel.close();
  });

  afterAll(async () => {
    await forgetNamespace(namespace, app.get(DataSource), []);
    await app.close();
    await amqp.close();
  });

  it('is a valid CloudEvents 1.0 message whose id is the event id, with its trace as extensions', async () => {
    const event = await Trace.run(
      { correlationId: '4bf92f3577b34da6a3ce929d0e0e4736', causationId: 'cause-1' },
      () => new ParcelWeighedEvent({ parcelId: 'p-1', grams: 420, at: new Date(0) }),
    );
    await app.get(UnitOfWork).run(() => app.get(EventBus).publish(event));

    const channel = await amqp.createChannel();
    const message = await waitFor('the message on the probe queue', () =>
      channel.get(probeQueue, { noAck: true }),
    );
    const attributes = cloudEventAttributes(message);
    // Strict: the SDK refuses anything the CloudEvents 1.0 schema does not allow.
    const cloudEvent = new CloudEvent(
      { ...attributes, data: JSON.parse(message.content.toString()) },
      true,
    );
    expect(cloudEvent.validate()).toBe(true);
    expect(cloudEvent).toMatchObject({
      specversion: '1.0',
      id: event.eventId,
      source: '/pharmacy/shipping',
      type: 'shipping.parcel-weighed',
      time: event.occurredAt.toISOString(),
      datacontenttype: 'application/json',
      dataschema: 'urn:pharmacy:event:shipping.parcel-weighed:v3',
      schemaversion: 3,
      correlationid: '4bf92f3577b34da6a3ce929d0e0e4736',
      causationid: 'cause-1',
      traceparent: expect.stringMatching(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/),
      data: { parcelId: 'p-1', grams: 420, at: { $date: '1970-01-01T00:00:00.000Z' } },
    });
    expect(message.properties).toMatchObject({
      messageId: event.eventId,
      type: 'shipping.parcel-weighed',
      contentType: 'application/json',
      deliveryMode: 2,
    });
    await channel.close();
  });
});
