import { Injectable } from '@nestjs/common';

/** Whether the process is shutting down: readiness answers not-ready from the first moment. */
@Injectable()
export class ShutdownState {
  private drainingSince: Date | null = null;

  get isDraining(): boolean {
    return this.drainingSince !== null;
  }

  beginDraining(): void {
    this.drainingSince ??= new Date();
  }
}
