import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { repairJob } from '@pharmacy/platform';
import type { ReconciliationSweep, RepairOutcome } from '@pharmacy/platform';
import { EhrRepository } from '../ehr.repository';
import { ErxSubmissions } from '../erx/erx-submissions';
import { RecordTransmissionFailureCommand } from '../erx/record-transmission-failure.command';

/**
 * Prescriptions `pending_transmission` whose job is gone (an add Redis acknowledged and lost,
 * an enqueue that never ran) get it back; those whose job failed for good while the failure could
 * not be recorded (the worker died, or the database was away) are marked failed now.
 */
@Injectable()
export class ErxSubmissionsSweep implements ReconciliationSweep {
  readonly name = 'ehr.erx-submissions';

  constructor(
    private readonly ehr: EhrRepository,
    private readonly submissions: ErxSubmissions,
    private readonly commands: CommandBus,
  ) {}

  overdue(olderThanMs: number, limit: number): Promise<string[]> {
    return this.ehr.findPendingPrescriptionIds(olderThanMs, limit);
  }

  async repair(id: string): Promise<RepairOutcome> {
    const prescription = await this.ehr.lockPrescriptionUnlessBusy(id);
    if (!prescription) return 'skipped';
    if (prescription.status !== 'pending_transmission') return 'in-flight';
    return repairJob(await this.submissions.ensure(id), (reason) =>
      this.commands.execute(new RecordTransmissionFailureCommand(id, reason)),
    );
  }
}
