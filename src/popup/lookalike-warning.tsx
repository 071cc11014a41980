import type { Lookalike } from '../shared/protocol';
import type { Translate } from './api';

/**
 * "Careful: this site is mai1machine.test. It looks like mailmachine.test, where you have an account,
 * but it is not." The background decides (core/site/lookalike.ts, with the public-suffix list the popup
 * does not load); the popup only words it. Shown in the pick panel and above the account list.
 */
export function LookalikeWarning({ t, lookalike, id }: { t: Translate; lookalike: Lookalike; id?: string }) {
  const key = lookalike.kind === 'site' ? 'lookalikeSite' : 'lookalikeIssuer';
  return (
    <p class="warning" role="alert" data-testid="lookalike" id={id}>
      {t(key, [lookalike.site, lookalike.like])}
    </p>
  );
}
