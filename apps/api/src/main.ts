import 'reflect-metadata';
import { InvalidConfigurationError } from '@pharmacy/platform';
import { loadApiConfig } from './api.config';
import { createHttpApp } from './http-app';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createHttpApp(config);
  await app.listen(config.PORT);
}

main().catch((error: unknown) => {
  // A configuration error is the operator's to fix: say what is wrong, without a stack trace.
  process.stderr.write(
    error instanceof InvalidConfigurationError
      ? `${error.message}\n`
      : `${(error as Error).stack}\n`,
  );
  process.exit(1);
});
