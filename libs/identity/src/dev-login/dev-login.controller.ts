import {
  Body,
  Controller,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public, TokenIssuer, UnitOfWork } from '@pharmacy/platform';
import { IsEmail } from 'class-validator';
import { User } from '../user.entity';

export const DEV_LOGIN_ENABLED = Symbol('DEV_LOGIN_ENABLED');

export class DevLoginRequest {
  @ApiProperty({ example: 'patient1@example.com' })
  @IsEmail()
  email!: string;
}

export class AccessTokenView {
  @ApiProperty() accessToken!: string;
}

/**
 * Demo only: a token for a seeded user, no password asked. Answers 404, as if it did not exist,
 * unless AUTH_DEV_LOGIN=true.
 */
@ApiTags('auth')
@Controller('auth')
export class DevLoginController {
  constructor(
    @Inject(DEV_LOGIN_ENABLED) private readonly enabled: boolean,
    private readonly unitOfWork: UnitOfWork,
    private readonly tokens: TokenIssuer,
  ) {}

  @Post('dev-login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenView })
  async login(@Body() { email }: DevLoginRequest): Promise<AccessTokenView> {
    if (!this.enabled) throw new NotFoundException('Cannot POST /api/auth/dev-login');
    const user = await this.unitOfWork.manager.findOneBy(User, { email: email.toLowerCase() });
    if (!user) throw new UnauthorizedException(`No seeded user has the email ${email}.`);
    return { accessToken: await this.tokens.issue(user) };
  }
}
