import { Switch } from '@mantine/core';

/** The "only once" mark of a line, option, branch or group candidate; unchecked is stored as absent. */
export function OnceSwitch({
  checked,
  label,
  onChange,
}: {
  checked: boolean | undefined;
  label: string;
  onChange(once: true | undefined): void;
}) {
  return <Switch size="xs" label={label} checked={checked ?? false} onChange={(e) => onChange(e.currentTarget.checked || undefined)} />;
}
