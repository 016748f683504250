import { Global, Injectable, Module } from '@nestjs/common';
import { AuthenticatedUser, UserDirectory } from '@pharmacy/platform';

/**
 * The extracted service has no users of its own: identity stays in the monolith. It serves one
 * route, for patients, so a validly signed token (key, issuer, audience, lifetime all checked)
 * for the patient role is who it says it is. A deactivated patient keeps access here until the
 * token expires (at most JWT_TTL_SECONDS); a users projection fed by events would close that gap.
 */
@Injectable()
export class PatientsByTokenDirectory extends UserDirectory {
  async findActive(id: string): Promise<AuthenticatedUser | null> {
    return { id, email: '', role: 'patient' };
  }
}

/** Global, as the identity module is in the monolith: the auth guard looks the directory up. */
@Global()
@Module({
  providers: [{ provide: UserDirectory, useClass: PatientsByTokenDirectory }],
  exports: [UserDirectory],
})
export class PatientsByTokenModule {}
