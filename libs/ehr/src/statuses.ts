export const ENCOUNTER_STATUSES = ['open', 'completed'] as const;
export type EncounterStatus = (typeof ENCOUNTER_STATUSES)[number];

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const PRESCRIPTION_STATUSES = [
  'pending_transmission',
  'transmitted',
  'transmission_failed',
] as const;
export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];
