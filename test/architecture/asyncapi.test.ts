import * as fs from 'node:fs';
import * as path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { bootApps, BootedApps } from '../../scripts/docs/read-apps';
import { collectCatalog } from '../../scripts/docs/event-catalog';
import { ASYNCAPI_PATH, renderAsyncApi } from '../../scripts/docs/asyncapi';
import { testEnv } from '../support/test-env';

const ERROR = 0; // DiagnosticSeverity.Error

/**
 * docs/asyncapi.json is generated from the apps' registrations, like docs/events.md, and must be
 * a valid AsyncAPI 3.0 document: the official parser validates it here, in every CI run.
 */
describe('The AsyncAPI document', () => {
  const committed = () => fs.readFileSync(path.resolve(__dirname, '../..', ASYNCAPI_PATH), 'utf8');
  let apps: BootedApps;

  beforeAll(async () => {
    apps = await bootApps(testEnv.databaseUrl, testEnv.redisUrl);
  });
  afterAll(() => apps.close());

  it(`is what ${ASYNCAPI_PATH} holds (if not: run npm run docs:events)`, () => {
    const { catalog } = collectCatalog(apps);
    expect(renderAsyncApi(catalog)).toBe(committed());
  });

  it('is valid AsyncAPI 3.0, with a channel and a message per event', async () => {
    const { document, diagnostics } = await new Parser().parse(committed());
    expect(diagnostics.filter((d) => d.severity === ERROR).map((d) => d.message)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    const { catalog } = collectCatalog(apps);
    const messages = document!
      .components()
      .messages()
      .all()
      .map((m) => m.name());
    expect(messages.sort()).toEqual(catalog.events.map((e) => e.type).sort());
  });

  it('states what consumers rely on: acks after commit, the CloudEvents source, the message type', () => {
    const document = JSON.parse(committed());
    const { catalog } = collectCatalog(apps);
    for (const { className, type, subscribers } of catalog.events) {
      const message = document.components.messages[className];
      expect(message.bindings.amqp.messageType).toBe(type);
      expect(JSON.stringify(message.headers)).toContain(
        `"cloudEvents:source":{"const":"/pharmacy/${type.split('.')[0]}"}`,
      );
      for (const { name } of subscribers) {
        expect(document.operations[name].bindings.amqp.ack).toBe(true);
        expect(document.channels[`pharmacy.${name}`].description).toContain('.retry-<ms>ms');
      }
    }
  });

  it('is refused by the parser when broken, so the check can fail', async () => {
    const broken = JSON.parse(committed());
    delete broken.info.title;
    broken.operations[Object.keys(broken.operations)[0]].channel = { $ref: '#/channels/nowhere' };
    const { diagnostics } = await new Parser().parse(JSON.stringify(broken));
    expect(diagnostics.filter((d) => d.severity === ERROR).length).toBeGreaterThan(0);
  });
});
