import type { StopReason } from '../../../preload/api';

/** Why a generation ended, in words a creator reads at a glance. */
export const STOP_REASON_TEXT: Record<StopReason, string> = {
  eos: 'finished',
  stop: 'reached a stop word',
  maxTokens: 'reached the length limit',
  cancelled: 'stopped',
};
