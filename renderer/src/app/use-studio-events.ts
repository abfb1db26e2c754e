import { useEffect } from 'react';
import { api } from '../api/client';
import { useContent } from '../stores/content-store';
import { useLlm } from '../stores/llm-store';
import { useProjects } from '../stores/projects-store';
import { useSession } from '../stores/session-store';

/** Keeps the stores in step with changes made elsewhere (another window, tab or script). */
export function useStudioEvents(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const offs = [
      api.on('projects:changed', () => void useProjects.getState().refresh()),
      api.on('project:opened', (project) => {
        if (useSession.getState().project?.id !== project.id) useContent.getState().reset();
        useSession.getState().setProject(project);
      }),
      api.on('project:closed', ({ id }) => {
        if (useSession.getState().project?.id === id) {
          useSession.getState().setProject(null);
          useContent.getState().reset();
        }
      }),
      api.on('models:download', (download) => useLlm.getState().downloadChanged(download)),
      api.on(
        'llm:state',
        () =>
          void useLlm
            .getState()
            .refreshStatus()
            .catch(() => undefined),
      ),
      api.on('content:changed', ({ kind, projectId }) => {
        if (useSession.getState().project?.id === projectId) void useContent.getState().load(kind);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [enabled]);
}
