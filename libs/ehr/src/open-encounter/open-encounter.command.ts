import { Command } from '@nestjs/cqrs';
import type { OrderPlacedEvent } from '@pharmacy/contracts';

export class OpenEncounterCommand extends Command<void> {
  constructor(readonly order: OrderPlacedEvent['payload']) {
    super();
  }
}
