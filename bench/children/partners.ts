import { createFakePartnersServer } from '../../apps/fake-partners/src/fake-partners-server';
import { fail, serveParent } from './ipc';

/** The fake eRx network and pharmacy, at zero latency and no faults, in a process of its own. */
async function main(): Promise<void> {
  const partners = createFakePartnersServer();
  const port = await partners.listen(0, '127.0.0.1');
  serveParent({ port }, () => partners.close());
}

main().catch(fail);
