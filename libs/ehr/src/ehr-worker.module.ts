import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ERX_NETWORK_OPTIONS, ErxNetworkClient, ErxNetworkOptions } from './erx/erx-network.client';
import { ErxSubmissionProcessor } from './erx/erx-submission.processor';
import { SubmitPrescriptionHandler } from './erx/submit-prescription.handler';
import { EhrModule } from './ehr.module';

/** The EHR jobs, run by the worker app: sending prescriptions to the eRx network. */
@Module({})
export class EhrWorkerModule {
  static forRoot(erxNetwork: ErxNetworkOptions): DynamicModule {
    return {
      module: EhrWorkerModule,
      imports: [CqrsModule, EhrModule],
      providers: [
        { provide: ERX_NETWORK_OPTIONS, useValue: erxNetwork },
        ErxNetworkClient,
        SubmitPrescriptionHandler,
        ErxSubmissionProcessor,
      ],
    };
  }
}
