import { Body, Controller, Get, HttpCode, Logger, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { DeadLetters } from './dead-letters';
import {
  DeadLetterView,
  ListDeadLettersRequest,
  RedriveRequest,
  RedrivenView,
} from './dead-letters-admin.dtos';

/** What subscribers gave up on, in the broker's dead-letter queues, and sending it back. */
@ApiTags('admin: dead letters')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/dead-letters')
export class DeadLettersAdminController {
  private readonly logger = new Logger('DeadLetters');

  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @ApiOkResponse({ type: [DeadLetterView], description: 'Oldest first.' })
  async list(
    @Query() { subscriber, limit = 50 }: ListDeadLettersRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DeadLetterView[]> {
    const found = await this.deadLetters.list(subscriber, limit);
    this.logger.log(
      { subscriber, found: found.length, by: user.id },
      `${user.email} listed ${found.length} dead letters of ${subscriber}`,
    );
    return found;
  }

  @Post('redrive')
  @HttpCode(200)
  @ApiOkResponse({ type: RedrivenView })
  async redrive(
    @Body() { subscriber, eventId }: RedriveRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<RedrivenView> {
    this.logger.log(
      { subscriber, eventId, by: user.id },
      `${user.email} redrives dead letters of ${subscriber}${eventId ? ` (event ${eventId})` : ''}`,
    );
    return { redriven: await this.deadLetters.redrive(subscriber, eventId) };
  }
}
