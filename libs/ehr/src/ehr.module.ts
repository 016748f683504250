import { BullModule } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { OrderPlacedEvent, PrescriptionRequestApprovedEvent } from '@pharmacy/contracts';
import { EventBus, Reconciler } from '@pharmacy/platform';
import { EhrRepository } from './ehr.repository';
import { ErxSubmissions } from './erx/erx-submissions';
import { RecordTransmissionFailureHandler } from './erx/record-transmission-failure.handler';
import { ErxSubmissionsSweep } from './recover-transmission/erx-submissions.sweep';
import { RetryTransmissionHandler } from './recover-transmission/retry-transmission.handler';
import { TransmissionAdminController } from './recover-transmission/transmission-admin.controller';
import { EnqueueErxSubmissionSubscriber } from './erx/enqueue-erx-submission.subscriber';
import { ERX_QUEUE } from './erx/erx-queue';
import { OpenEncounterCommand } from './open-encounter/open-encounter.command';
import { OpenEncounterHandler } from './open-encounter/open-encounter.handler';
import { ApprovePrescriptionRequestHandler } from './review/approve-prescription-request.handler';
import { RejectPrescriptionRequestHandler } from './review/reject-prescription-request.handler';
import { ReviewController } from './review/review.controller';
import { ReviewGate } from './review/review-gate';
import { ViewRecordsController } from './view-records/view-records.controller';

/** EHR: encounters, providers' decisions on prescription requests, and prescriptions. */
@Module({
  imports: [CqrsModule, BullModule.registerQueue({ name: ERX_QUEUE })],
  controllers: [ReviewController, ViewRecordsController, TransmissionAdminController],
  providers: [
    EhrRepository,
    ReviewGate,
    OpenEncounterHandler,
    ApprovePrescriptionRequestHandler,
    RejectPrescriptionRequestHandler,
    EnqueueErxSubmissionSubscriber,
    ErxSubmissions,
    RecordTransmissionFailureHandler,
    RetryTransmissionHandler,
    ErxSubmissionsSweep,
  ],
  exports: [EhrRepository],
})
export class EhrModule implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly commands: CommandBus,
    private readonly enqueueErxSubmission: EnqueueErxSubmissionSubscriber,
    private readonly reconciler: Reconciler,
    private readonly erxSubmissionsSweep: ErxSubmissionsSweep,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(OrderPlacedEvent, 'ehr.open-encounter-when-order-placed', ({ payload }) =>
      this.commands.execute(new OpenEncounterCommand(payload)),
    );
    this.events.subscribe(
      PrescriptionRequestApprovedEvent,
      'ehr.enqueue-erx-submission-when-request-approved',
      (event) => this.enqueueErxSubmission.handle(event),
      { enqueues: [ERX_QUEUE] },
    );
    this.reconciler.register(this.erxSubmissionsSweep);
  }
}
