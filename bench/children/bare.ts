import { serveParent } from './ipc';

/** An empty Node process: the floor for the API's resident memory. */
serveParent({}, async () => undefined);
