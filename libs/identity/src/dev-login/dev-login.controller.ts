import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public, RateLimit, SafeText, TokenIssuer, UnitOfWork } from '@pharmacy/platform';
import { IsEmail } from 'class-validator';
import { User } from '../user.entity';

export class DevLoginRequest {
  @ApiProperty({ example: 'patient1@example.com' })
  @SafeText({ max: 254 })
  @IsEmail()
  email!: string;
}

export class AccessTokenView {
  @ApiProperty() accessToken!: string;
}

/**
 * Demo only: a token for a seeded user, no password asked. Mounted only in demo mode (DEMO_MODE=true)
 * (see IdentityModule); otherwise the route does not exist and answers 404.
 */
@ApiTags('auth')
@Controller('auth')
export class DevLoginController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tokens: TokenIssuer,
  ) {}

  @Post('dev-login')
  @Public()
  @RateLimit('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenView })
  async login(@Body() { email }: DevLoginRequest): Promise<AccessTokenView> {
    const user = await this.unitOfWork.manager.findOneBy(User, {
      email: email.toLowerCase(),
      active: true,
    });
    if (!user) throw new UnauthorizedException(`No seeded user has the email ${email}.`);
    return { accessToken: await this.tokens.issue(user) };
  }
}
