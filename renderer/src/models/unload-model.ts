import { notifications } from '@mantine/notifications';
import { useLlm } from '../stores/llm-store';

/** Unloads the loaded model, saying so when the engine refuses. */
export const unloadModel = () =>
  useLlm
    .getState()
    .unload()
    .catch((e: Error) => notifications.show({ color: 'red', title: 'Could not unload', message: e.message }));
