import type { ProjectInfo } from '../../../preload/api';
import type { ApiClient } from '../api/api-client';

/** After the studio came back (a restarted server or main process), opens the project this window had open, unless it still is. */
export async function reopenProject(api: ApiClient, projectId: string): Promise<ProjectInfo> {
  const current = await api.call('projects:current', {});
  return current?.id === projectId ? current : api.call('projects:open', { id: projectId });
}
