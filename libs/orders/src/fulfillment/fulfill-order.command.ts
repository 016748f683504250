import { Command } from '@nestjs/cqrs';

export class FulfillOrderCommand extends Command<void> {
  constructor(readonly orderUuid: string) {
    super();
  }
}
