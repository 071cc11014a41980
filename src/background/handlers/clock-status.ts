import { MIN_SAMPLES, countedSamples, estimateOffset } from '../../core/clock';
import type { ClockStatus } from '../../shared/protocol';
import { probeClock } from '../clock/head-probe';
import { probeOrigin } from '../clock/account-site';
import { acceptedOffset } from '../clock/correction';
import { codeOffsetNow } from '../clock/code-clock';
import type { Services } from './context';
import { settingsGet } from './settings-get';

/**
 * `clock/status` (extension pages): what the user's sites say of this computer's clock, for the popup's
 * notice, next to the offset the user accepted. The samples come from responses the browser received
 * from the user's sites (clock/observe.ts); when too few came in, one rate-limited probe of one of the
 * user's own sites (clock/head-probe.ts) fills in. The estimate only proposes: codes use the accepted
 * offset (clock/correction.ts), and the popup asks when the sites now say something else or disagree.
 */
export async function clockStatus(services: Services, probe = probeClock, now = Date.now): Promise<ClockStatus> {
  const { clock } = services;
  if (countedSamples(await clock.samples(), now()).length < MIN_SAMPLES) {
    // A lock during the probe (it waits for the network) drops its samples: they name an account site.
    const epoch = clock.epoch();
    const origin = await probeOrigin(services.vault, await services.activeOrigin());
    if (origin) for (const sample of await probe(origin)) await clock.add(sample, false, epoch);
  }
  // A change of this computer's clock seen by the worker may shift the accepted offset (clock/keeper.ts).
  await codeOffsetNow();
  const ring = await clock.samples();
  const estimate = estimateOffset(ring, now());
  const counted = countedSamples(ring, now());
  const settings = await settingsGet(services);
  return {
    offsetMs: estimate?.offsetMs ?? null,
    uncertaintyMs: estimate?.uncertaintyMs ?? null,
    samples: estimate?.samples ?? 0,
    sources: estimate?.sources ?? 0,
    correcting: settings.clockCorrection === true,
    acceptedMs: acceptedOffset(settings),
    sitesDisagree: estimate === null && counted.length >= MIN_SAMPLES && new Set(counted.map((s) => s.source)).size > 1,
  };
}
