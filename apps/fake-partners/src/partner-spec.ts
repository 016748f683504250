/** What differs between the two partners; the shared fault and idempotency handling does not. */
export interface PartnerSpec {
  readonly name: 'prescriptions' | 'shipments';
  readonly path: string;
  /** Every problem with the body; empty when it is valid. */
  validate(body: Record<string, unknown>): string[];
  /** The partner's answer for a new effect. */
  create(): Record<string, string>;
}
