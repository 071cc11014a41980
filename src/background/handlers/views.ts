import type { Account } from '../../core/vault';
import type { AccountView } from '../../shared/protocol';

/** An account as extension pages see it: everything but the secret bytes. */
export function toView(account: Account): AccountView {
  return {
    id: account.id,
    type: account.type,
    issuer: account.issuer,
    account: account.account,
    algorithm: account.algorithm,
    digits: account.digits,
    period: account.period,
    counter: account.counter,
    sites: [...account.sites],
    pinned: account.pinned,
    order: account.order,
    fill: { ...account.fill, submitOn: [...account.fill.submitOn], appendOn: [...account.fill.appendOn] },
    backupCodes: {
      total: account.backupCodes.length,
      remaining: account.backupCodes.filter((c) => !c.used).length,
    },
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
    ...(account.addedOn !== undefined && { addedOn: account.addedOn }),
  };
}
