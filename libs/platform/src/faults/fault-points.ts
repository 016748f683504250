import { Injectable, Logger } from '@nestjs/common';

export type FaultAction = 'throw' | 'crash';

/**
 * Named places where a test may inject a failure: an error thrown mid-transaction, or the
 * process killed outright (to prove that nothing committed is lost). Inert unless armed, either
 * in process by a test or, for child processes, by `FAULT_POINTS=name:action,...` together with
 * `ENABLE_FAULT_POINTS=true` in demo mode (`DEMO_MODE=true`).
 */
@Injectable()
export class FaultPoints {
  private readonly logger = new Logger('FaultPoints');
  private readonly armed = new Map<string, FaultAction>();

  constructor() {
    // Both switches, as the boot check demands; production refuses them before we get here.
    if (process.env.ENABLE_FAULT_POINTS !== 'true' || process.env.DEMO_MODE !== 'true') return;
    for (const entry of (process.env.FAULT_POINTS ?? '').split(',').filter(Boolean)) {
      const [name, action = 'throw'] = entry.split(':');
      this.arm(name, action as FaultAction);
    }
  }

  arm(name: string, action: FaultAction = 'throw'): void {
    this.armed.set(name, action);
  }

  disarm(name?: string): void {
    if (name) this.armed.delete(name);
    else this.armed.clear();
  }

  hit(name: string): void {
    const action = this.armed.get(name);
    if (!action) return;
    this.logger.warn(`Fault point ${name} fired: ${action}`);
    if (action === 'crash') process.kill(process.pid, 'SIGKILL');
    throw new Error(`Injected fault at ${name}`);
  }
}
