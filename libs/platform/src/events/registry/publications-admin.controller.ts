import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { RetryView } from '../../admin/retry.view';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { PublicationQueries } from './publication-queries';
import {
  ListPublicationsRequest,
  PublicationCountsView,
  PublicationView,
  ResubmitRequest,
  ResubmittedView,
} from './publications-admin.dtos';

/** Operating the event publication registry: look at what is owed, and retry what failed. */
@ApiTags('admin: event publications')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/event-publications')
export class PublicationsAdminController {
  constructor(
    private readonly queries: PublicationQueries,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  @Get()
  @ApiOkResponse({ type: [PublicationView], description: 'Publications, newest first.' })
  list(
    @Query() { limit = 50, offset = 0, ...filter }: ListPublicationsRequest,
  ): Promise<PublicationView[]> {
    return this.queries.list(filter, limit, offset);
  }

  @Get('counts')
  @ApiOkResponse({ type: PublicationCountsView })
  counts(): Promise<PublicationCountsView> {
    return this.queries.counts();
  }

  /** The admin surface's retry, as for prescriptions and orders; idempotent. */
  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: RetryView })
  async retry(@Param('id', new ParseUUIDPipe()) id: string): Promise<RetryView> {
    return this.unitOfWork.run(async () => {
      const retried = (await this.queries.resubmit({ id })) > 0;
      const status = await this.queries.statusOf(id);
      if (status === null) throw new NotFoundException(`No publication has the id ${id}.`);
      return { id, status, retried, job: 'none' };
    });
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  @ApiOkResponse({ type: ResubmittedView })
  async resubmitOne(@Param('id', new ParseUUIDPipe()) id: string): Promise<ResubmittedView> {
    const resubmitted = await this.unitOfWork.run(() => this.queries.resubmit({ id }));
    if (resubmitted === 0) throw new NotFoundException(`No failed publication has the id ${id}.`);
    return { resubmitted };
  }

  /** Every failed publication matching the filter goes back in line. */
  @Post('resubmit')
  @HttpCode(200)
  @ApiOkResponse({ type: ResubmittedView })
  async resubmitMany(@Body() filter: ResubmitRequest): Promise<ResubmittedView> {
    const { eventType, subscriber } = filter;
    return {
      resubmitted: await this.unitOfWork.run(() =>
        this.queries.resubmit({ eventType, subscriber }),
      ),
    };
  }
}
