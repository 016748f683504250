import * as fs from 'node:fs';
import * as path from 'node:path';
import { INestApplication } from '@nestjs/common';

export const ASYNCAPI_URL = '/api/docs-asyncapi.json';

/**
 * Serves the AsyncAPI 3.0 document of the events next to the OpenAPI document. It is generated
 * from the code by `npm run docs:events` (docs/asyncapi.json, which the image copies) and read
 * once at boot; a missing file is a broken build, so boot fails.
 */
export function serveAsyncApi(app: INestApplication): void {
  const document = fs.readFileSync(path.join(repoRoot(), 'docs/asyncapi.json'), 'utf8');
  app.getHttpAdapter().get(ASYNCAPI_URL, (_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(document);
  });
}

function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}
