import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthenticatedUser } from './authenticated-user';

@Injectable()
export class TokenIssuer {
  constructor(private readonly jwt: JwtService) {}

  issue(user: AuthenticatedUser): Promise<string> {
    return this.jwt.signAsync({ sub: user.id, email: user.email, role: user.role });
  }
}
