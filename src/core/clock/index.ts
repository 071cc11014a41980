export {
  DATE_RESOLUTION_MS,
  MAX_RTT_MS,
  UNKNOWN_RTT_MS,
  parseHttpDate,
  sampleFrom,
  type ClockSample,
  type ObservedResponse,
} from './sample';
export {
  AGREE_MS,
  MAX_AGE_MS,
  MAX_OFFSET_MS,
  MIN_SAMPLES,
  PER_SOURCE,
  RING_SIZE,
  WARN_OFFSET_MS,
  addSample,
  clockIsOff,
  countedSamples,
  estimateOffset,
  median,
  type ClockEstimate,
} from './estimate';
