import { createFakePartnersServer } from '../../apps/fake-partners/src/fake-partners-server';
import { serve } from './serve';

/** The fake eRx network and pharmacy, at zero latency and no faults. */
serve(async () => {
  const partners = createFakePartnersServer();
  return { port: await partners.listen(0, '127.0.0.1'), close: () => partners.close() };
});
