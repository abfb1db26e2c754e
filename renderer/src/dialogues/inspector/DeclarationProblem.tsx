import { Text } from '@mantine/core';
import { useEditor } from '../editor-context';

/** The first validation error about one of the dialogue's own fields (an enum, a variable's type or default), shown where it is edited. */
export function DeclarationProblem({ fields }: { fields: readonly string[] }) {
  const message = useEditor(
    (s) =>
      s.problems.find((p) => p.severity === 'error' && p.nodeId === undefined && p.field !== undefined && fields.includes(p.field))
        ?.message,
  );
  return message ? (
    <Text size="xs" c="red" role="alert">
      {message}
    </Text>
  ) : null;
}
