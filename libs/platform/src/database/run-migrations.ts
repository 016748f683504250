import { DataSource, DataSourceOptions } from 'typeorm';

/** Applies every pending migration, each in its own transaction; safe to run on each deploy. */
export async function runMigrations(options: DataSourceOptions): Promise<string[]> {
  const dataSource = await new DataSource(options).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** A migration command's ending: what it applied, or the error and exit code 1. */
export function reportMigrations(applied: Promise<string[]>): void {
  applied
    .then((names) => console.log(names.length ? `Applied: ${names.join(', ')}` : 'Up to date'))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
