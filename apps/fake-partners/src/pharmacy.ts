import { checkInteger, checkString, isJsonObject } from './body-checks';
import type { PartnerSpec } from './partner-spec';
import { shortId } from './short-id';

export const pharmacy: PartnerSpec = {
  name: 'shipments',
  path: '/shipments',
  validate(body) {
    const problems: string[] = [];
    checkString(body.orderUuid, 'orderUuid', problems);
    checkString(body.fulfillmentState, 'fulfillmentState', problems);
    if (!Array.isArray(body.items) || body.items.length === 0) {
      problems.push('items must be a non-empty array');
      return problems;
    }
    body.items.forEach((item: unknown, index) => {
      const path = `items[${index}]`;
      if (!isJsonObject(item)) {
        problems.push(`${path} must be an object`);
        return;
      }
      checkString(item.orderItemUuid, `${path}.orderItemUuid`, problems);
      checkString(item.productId, `${path}.productId`, problems);
      checkInteger(item.quantity, `${path}.quantity`, { min: 1, max: 1_000_000 }, problems);
    });
    return problems;
  },
  create: () => ({ trackingNumber: `TRK-${shortId()}` }),
};
