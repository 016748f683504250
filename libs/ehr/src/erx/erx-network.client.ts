import { Inject, Injectable } from '@nestjs/common';
import { postToPartner } from '@pharmacy/platform';

export interface ErxNetworkOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

export const ERX_NETWORK_OPTIONS = Symbol('ERX_NETWORK_OPTIONS');

export interface ErxSubmission {
  readonly prescriptionId: string;
  readonly patientId: string;
  readonly productId: string;
  readonly sig: string;
  readonly refills: number;
}

/** The external eRx network, behind its HTTP contract. */
@Injectable()
export class ErxNetworkClient {
  constructor(@Inject(ERX_NETWORK_OPTIONS) private readonly options: ErxNetworkOptions) {}

  submit(submission: ErxSubmission): Promise<{ erxReference: string }> {
    return postToPartner({
      partner: 'eRx network',
      url: `${this.options.baseUrl}/prescriptions`,
      body: submission,
      idempotencyKey: submission.prescriptionId,
      requires: 'erxReference',
      timeoutMs: this.options.timeoutMs,
    });
  }
}
