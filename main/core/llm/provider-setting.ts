import type { ProviderInfo, ProviderSetInput } from '../../../preload/api';
import type { ProviderSetting } from '../workspace/settings';

/**
 * The setting to store for a `llm:provider:set` call. The renderer never sees the stored
 * API key, so leaving `apiKey` out keeps it, as long as the key would go to the same server.
 */
export function resolveProviderSetting(input: ProviderSetInput, current: ProviderSetting | undefined): ProviderSetting {
  if (input.kind === 'local') return { kind: 'local' };
  const baseUrl = input.baseUrl.replace(/\/+$/, '');
  const keptKey = current?.kind === 'remote' && current.baseUrl === baseUrl ? current.apiKey : undefined;
  const apiKey = input.apiKey === undefined ? keptKey : (input.apiKey ?? undefined);
  return { kind: 'remote', baseUrl, model: input.model, ...(apiKey !== undefined && { apiKey }) };
}

/** What the renderer may know about a provider: everything but the key. */
export function toProviderInfo(setting: ProviderSetting): ProviderInfo {
  if (setting.kind === 'local') return { kind: 'local' };
  return { kind: 'remote', baseUrl: setting.baseUrl, model: setting.model, apiKeySet: Boolean(setting.apiKey) };
}
