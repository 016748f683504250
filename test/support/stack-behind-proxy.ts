import { startStack, Stack } from './stack';
import { TcpProxy } from './tcp-proxy';
import { testEnv } from './test-env';

const SERVICES = {
  DATABASE_URL: testEnv.databaseUrl,
  REDIS_URL: testEnv.redisUrl,
  BROKER_URL: testEnv.brokerUrl,
};

export type StackBehindProxy = Stack & { readonly proxy: TcpProxy };

/**
 * A stack whose link to one service passes a proxy the test can cut, blackhole or freeze, to
 * stage an outage without touching the shared server. `close()` mends the link first, so the
 * apps shut down as they would after the outage ended.
 */
export async function startStackBehindProxy(
  service: keyof typeof SERVICES,
  overrides: NodeJS.ProcessEnv = {},
  options?: Parameters<typeof startStack>[1],
): Promise<StackBehindProxy> {
  const proxy = await TcpProxy.inFrontOf(SERVICES[service]);
  const stack = await startStack(
    { ...overrides, [service]: proxy.via(SERVICES[service]) },
    options,
  ).catch(async (error: unknown) => {
    await proxy.cut(); // its listening socket would keep Jest from exiting
    throw error;
  });
  return {
    ...stack,
    proxy,
    async close() {
      proxy.heal();
      proxy.thaw();
      await proxy.restore();
      await stack.close();
      await proxy.cut();
    },
  };
}
