"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seedProviderLicenses = seedProviderLicenses;
const provider_license_entity_1 = require("./provider-license.entity");
/** Idempotent: grants each provider exactly the listed states. */
async function seedProviderLicenses(manager, licenses) {
    for (const { providerId, states } of licenses) {
        await manager.delete(provider_license_entity_1.ProviderLicense, { providerId });
        await manager.insert(provider_license_entity_1.ProviderLicense, states.map((state) => ({ providerId, state })));
    }
}
