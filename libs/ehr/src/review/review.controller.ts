import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RateLimit, Roles } from '@pharmacy/platform';
import type { AuthenticatedUser } from '@pharmacy/platform';
import { ApprovePrescriptionRequestCommand } from './approve-prescription-request.command';
import { RejectPrescriptionRequestCommand } from './reject-prescription-request.command';
import { ApproveRequest, RejectRequest } from './review.requests';
import { ApprovalView, RejectionView } from './review.views';

@ApiTags('clinical review')
@ApiBearerAuth()
@Controller('prescription-requests')
export class ReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/approve')
  @HttpCode(201)
  @Roles('provider')
  @RateLimit('decisions')
  @ApiCreatedResponse({ type: ApprovalView })
  approve(
    @CurrentUser() provider: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ApproveRequest,
  ): Promise<ApprovalView> {
    return this.commands.execute(
      new ApprovePrescriptionRequestCommand(provider.id, id, body.sig, body.refills),
    );
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('provider')
  @RateLimit('decisions')
  @ApiOkResponse({ type: RejectionView })
  reject(
    @CurrentUser() provider: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RejectRequest,
  ): Promise<RejectionView> {
    return this.commands.execute(
      new RejectPrescriptionRequestCommand(provider.id, id, body.reason),
    );
  }
}
