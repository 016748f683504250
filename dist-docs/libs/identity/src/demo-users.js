"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO_USERS = void 0;
exports.seedDemoUsers = seedDemoUsers;
const user_entity_1 = require("./user.entity");
/** The demo's people. Fixed ids, so the seed is idempotent and other modules can refer to them. */
exports.DEMO_USERS = {
    patient1: {
        id: '0b7c7e4e-1c1a-4d7e-9a55-2f4c8f0a0001',
        email: 'patient1@example.com',
        role: 'patient',
        displayName: 'Pat One',
    },
    patient2: {
        id: '0b7c7e4e-1c1a-4d7e-9a55-2f4c8f0a0002',
        email: 'patient2@example.com',
        role: 'patient',
        displayName: 'Pat Two',
    },
    providerCa: {
        id: '0b7c7e4e-1c1a-4d7e-9a55-2f4c8f0a0003',
        email: 'provider.ca@example.com',
        role: 'provider',
        displayName: 'Dr. Casey (CA, NY)',
    },
    providerTx: {
        id: '0b7c7e4e-1c1a-4d7e-9a55-2f4c8f0a0004',
        email: 'provider.tx@example.com',
        role: 'provider',
        displayName: 'Dr. Tate (TX)',
    },
    admin: {
        id: '0b7c7e4e-1c1a-4d7e-9a55-2f4c8f0a0005',
        email: 'admin@example.com',
        role: 'admin',
        displayName: 'Admin',
    },
};
async function seedDemoUsers(manager) {
    await manager.upsert(user_entity_1.User, Object.values(exports.DEMO_USERS), ['id']);
}
