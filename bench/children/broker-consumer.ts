import 'reflect-metadata';
import { bootBrokerPlatform } from '../lib/broker-platform';
import { fail, serveParent } from './ipc';

/** One consumer process of the bench's broker queue: the platform in broker mode, nothing else. */
async function main(): Promise<void> {
  const app = await bootBrokerPlatform({
    databaseUrl: process.env.DATABASE_URL!,
    poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    brokerUrl: process.env.BROKER_URL!,
    namespace: process.env.BROKER_NAMESPACE!,
    consume: true,
  });
  serveParent({}, () => app.close());
}

main().catch(fail);
