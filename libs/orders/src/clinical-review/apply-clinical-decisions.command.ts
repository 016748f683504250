import { Command } from '@nestjs/cqrs';

/** Decisions EHR made about some items of an order; applying them again changes nothing. */
export class ApplyClinicalDecisionsCommand extends Command<void> {
  constructor(
    readonly orderUuid: string,
    readonly approvedItemUuids: readonly string[],
    readonly rejectedItemUuids: readonly string[],
  ) {
    super();
  }
}
