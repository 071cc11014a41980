import { MIN_SAMPLES, countedSamples } from '../../core/clock';
import type { ClockStatus } from '../../shared/protocol';
import { probeClock } from '../clock/head-probe';
import { probeOrigin } from '../clock/account-site';
import type { Services } from './context';
import { settingsGet } from './settings-get';

/**
 * `clock/status` (extension pages): the measured offset for the popup's warning. The samples come from
 * responses the browser received from the user's sites (clock/observe.ts); when too few came in, one
 * rate-limited probe of one of the user's own sites (clock/head-probe.ts) fills in.
 */
export async function clockStatus(services: Services, probe = probeClock, now = Date.now): Promise<ClockStatus> {
  const { clock } = services;
  if (countedSamples(await clock.samples(), now()).length < MIN_SAMPLES) {
    // A lock during the probe (it waits for the network) drops its samples: they name an account site.
    const epoch = clock.epoch();
    const origin = await probeOrigin(services.vault, await services.activeOrigin());
    if (origin) for (const sample of await probe(origin)) await clock.add(sample, false, epoch);
  }
  const estimate = await clock.estimate(now());
  const { clockCorrection } = await settingsGet(services);
  return {
    offsetMs: estimate?.offsetMs ?? null,
    uncertaintyMs: estimate?.uncertaintyMs ?? null,
    samples: estimate?.samples ?? 0,
    sources: estimate?.sources ?? 0,
    correcting: clockCorrection === true && estimate !== null,
  };
}
