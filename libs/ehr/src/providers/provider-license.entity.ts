import { Entity, PrimaryColumn } from 'typeorm';

/** A provider may prescribe only for orders shipping to a state they are licensed in. */
@Entity('provider_licenses')
export class ProviderLicense {
  @PrimaryColumn('uuid', { name: 'provider_id' })
  providerId!: string;

  @PrimaryColumn('char', { length: 2 })
  state!: string;
}
