export async function migrateTestDatabase(): Promise<void> {
  // The application's migrations arrive with the feature modules.
}
