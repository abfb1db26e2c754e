import { useEditorStore } from '../editor-context';
import { TargetSelect } from './TargetSelect';

/** The target picker of one output, editing through the connect and disconnect commands. */
export function OutputTarget({ nodeId, field, label, value }: { nodeId: string; field: string; label: string; value: string | undefined }) {
  const store = useEditorStore();
  return (
    <TargetSelect
      label={label}
      value={value}
      ownerId={nodeId}
      onChange={(target) =>
        target ? store.getState().run('connect', { nodeId, field, target }) : store.getState().run('disconnect', { nodeId, field })
      }
    />
  );
}
