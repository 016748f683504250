import { EntityManager } from 'typeorm';
import { ProviderLicense } from './provider-license.entity';

/** Idempotent: grants each provider exactly the listed states. */
export async function seedProviderLicenses(
  manager: EntityManager,
  licenses: readonly { providerId: string; states: readonly string[] }[],
): Promise<void> {
  for (const { providerId, states } of licenses) {
    await manager.delete(ProviderLicense, { providerId });
    await manager.insert(
      ProviderLicense,
      states.map((state) => ({ providerId, state })),
    );
  }
}
