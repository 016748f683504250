import { checkInteger, checkString } from './body-checks';
import type { PartnerSpec } from './partner-spec';
import { shortId } from './short-id';

export const erxNetwork: PartnerSpec = {
  name: 'prescriptions',
  path: '/prescriptions',
  validate(body) {
    const problems: string[] = [];
    for (const field of ['prescriptionId', 'patientId', 'productId', 'sig']) {
      checkString(body[field], field, problems);
    }
    checkInteger(body.refills, 'refills', { min: 0, max: 11 }, problems);
    return problems;
  },
  create: () => ({ erxReference: `ERX-${shortId()}` }),
};
