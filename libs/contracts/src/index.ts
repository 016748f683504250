// The event contracts: the only thing the feature modules share.
export { OrderPlacedEvent, type OrderPlacedItem } from './orders/order-placed.event';
export { OrderReadyForFulfillmentEvent } from './orders/order-ready-for-fulfillment.event';
export { OrderCancelledEvent } from './orders/order-cancelled.event';
export { OrderFulfilledEvent } from './orders/order-fulfilled.event';
export { EncounterOpenedEvent } from './ehr/encounter-opened.event';
export { PrescriptionRequestApprovedEvent } from './ehr/prescription-request-approved.event';
export { PrescriptionRequestRejectedEvent } from './ehr/prescription-request-rejected.event';
export { EncounterCompletedEvent } from './ehr/encounter-completed.event';
export { PrescriptionTransmittedEvent } from './ehr/prescription-transmitted.event';
export { PrescriptionTransmissionFailedEvent } from './ehr/prescription-transmission-failed.event';
