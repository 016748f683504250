import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditRead, CurrentUser, Roles, UnitOfWork } from '@pharmacy/platform';
import type { AuthenticatedUser } from '@pharmacy/platform';
import { Brackets } from 'typeorm';
import { EhrRepository } from '../ehr.repository';
import { Encounter } from '../encounter.entity';
import { PrescriptionRequest } from '../prescription-request.entity';
import { ListRequestsQuery } from './list-requests.query';
import {
  EncounterView,
  PrescriptionRequestView,
  PrescriptionView,
  toPrescriptionView,
  toRequestView,
} from './record.views';

/**
 * Reads stay inside the care relationship ({@link Encounter.isReadableBy}); a record outside it
 * answers 404, as an unknown one does, so ids do not leak. Every read is in the access log.
 */
@ApiTags('clinical review')
@ApiBearerAuth()
@Controller()
export class ViewRecordsController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ehr: EhrRepository,
  ) {}

  /** The requests a provider may decide: in states they are licensed in, not owned by another. */
  @Get('prescription-requests')
  @Roles('provider')
  @AuditRead('prescription-requests')
  @ApiOkResponse({ type: [PrescriptionRequestView] })
  async list(
    @CurrentUser() provider: AuthenticatedUser,
    @Query() query: ListRequestsQuery,
  ): Promise<PrescriptionRequestView[]> {
    const states = await this.ehr.licensedStates(provider.id);
    if (states.length === 0) return [];
    const requests = await this.unitOfWork.manager
      .createQueryBuilder(PrescriptionRequest, 'request')
      .innerJoinAndSelect('request.encounter', 'encounter')
      .where('request.status = :status', { status: query.status ?? 'pending' })
      .andWhere('encounter.fulfillmentState in (:...states)', { states })
      .andWhere(
        new Brackets((owner) =>
          owner
            .where('encounter.providerId is null')
            .orWhere('encounter.providerId = :me', { me: provider.id }),
        ),
      )
      .orderBy('encounter.createdAt', 'ASC')
      .addOrderBy('request.position', 'ASC')
      .limit(200)
      .getMany();
    return requests.map((request) => toRequestView(request, request.encounter));
  }

  @Get('encounters/:id')
  @Roles('patient', 'provider', 'admin')
  @AuditRead('encounter', 'id')
  @ApiOkResponse({ type: EncounterView })
  async encounter(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<EncounterView> {
    const encounter = await this.ehr.findEncounter(id);
    if (!encounter || !(await this.mayRead(user, encounter))) {
      throw new NotFoundException(`Encounter ${id} was not found.`);
    }
    const prescriptions = await this.ehr.findPrescriptionsOfEncounter(id);
    return {
      id: encounter.id,
      orderUuid: encounter.orderUuid,
      patientId: encounter.patientId,
      fulfillmentState: encounter.fulfillmentState,
      providerId: encounter.providerId,
      status: encounter.status,
      requests: encounter.requests.map((request) => toRequestView(request, encounter)),
      prescriptions: prescriptions.map(toPrescriptionView),
    };
  }

  @Get('prescriptions/:id')
  @Roles('patient', 'provider', 'admin')
  @AuditRead('prescription', 'id')
  @ApiOkResponse({ type: PrescriptionView })
  async prescription(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<PrescriptionView> {
    const prescription = await this.ehr.findPrescription(id);
    const encounter = prescription && (await this.ehr.findEncounter(prescription.encounterId));
    if (!prescription || !encounter || !(await this.mayRead(user, encounter))) {
      throw new NotFoundException(`Prescription ${id} was not found.`);
    }
    return toPrescriptionView(prescription);
  }

  private mayRead(user: AuthenticatedUser, encounter: Encounter): Promise<boolean> | boolean {
    return encounter.isReadableBy(user, () => this.ehr.licensedStates(user.id));
  }
}
