import type { LlmStatus } from '../../../preload/api';

export type Memory = NonNullable<LlmStatus['ram']>;
