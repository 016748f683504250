import type { ModulePersistence } from '@pharmacy/platform';
import { Encounter } from './encounter.entity';
import { CreateEhr1764115300000 } from './migrations/1764115300000-create-ehr';
import { TransmissionFailureDetail1764116000000 } from './migrations/1764116000000-transmission-failure-detail';
import { PrescriptionRequest } from './prescription-request.entity';
import { Prescription } from './prescription.entity';
import { ProviderLicense } from './providers/provider-license.entity';

export { EhrModule } from './ehr.module';
export { EhrWorkerModule } from './ehr-worker.module';
export { ERX_QUEUE } from './erx/erx-queue';
export { seedProviderLicenses } from './providers/provider-licenses.seed';

export const ehrPersistence: ModulePersistence = {
  entities: [ProviderLicense, Encounter, PrescriptionRequest, Prescription],
  migrations: [CreateEhr1764115300000, TransmissionFailureDetail1764116000000],
};
