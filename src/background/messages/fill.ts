/** Handlers of the fill records (shared/messages/fill.ts); the origin always comes from `sender`. */
import type { fillMessages } from '../../shared/messages/fill';
import type { AreaHandlers } from '../router';
import type { Services } from '../handlers/context';
import { activeTab } from '../active-tab';
import { fillActiveTab } from '../fill-shortcut';
import { cancelPick, pendingPick, pickAccount, pickCode } from '../fill/pick';
import { fillChoose } from '../handlers/fill-choose';
import { fillRequest, fillRequestOf } from '../handlers/fill-request';
import { uiLoad } from '../handlers/ui-load';

export function fillHandlers(services: Services): AreaHandlers<typeof fillMessages> {
  const { vault } = services;
  return {
    'fill/request': (m, { sender }) => fillRequest(services, sender, fillRequestOf(m)),
    'fill/choose': (_m, { sender }) => fillChoose(services, sender),
    'ui/load': (_m, { sender }) => uiLoad(sender),
    'fill/pick-pending': async () => pendingPick(vault, (await activeTab())?.id ?? null),
    'fill/pick': (m) =>
      pickAccount(vault, {
        pickId: m.pickId,
        id: m.id,
        always: m.always,
        despiteLookalike: m.despiteLookalike === true,
      }),
    'fill/pick-code': (m, { sender }) => pickCode(vault, m.grant, sender),
    'fill/pick-cancel': async (m) => (cancelPick(m.pickId), {}),
    'fill/active-tab': (m) => fillActiveTab(m.id),
  };
}
