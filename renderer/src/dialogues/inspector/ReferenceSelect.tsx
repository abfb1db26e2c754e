import { Select, type ComboboxData } from '@mantine/core';
import { OpenButton } from './OpenButton';

interface ReferenceSelectProps {
  label: string;
  /** What the picker names, for messages: "quest", "item". */
  noun: string;
  value: string;
  /** The choices, by name; grouped when the names need a heading (objectives by stage). */
  data: ComboboxData;
  known: boolean;
  onChange(id: string): void;
  /** Opens what is picked; left out where it has no page of its own. */
  onOpen?: () => void;
}

/**
 * A searchable picker of something the project holds, shown by name. An id the project
 * lacks stays visible as "Missing …" with an error, so nothing is silently replaced.
 */
export function ReferenceSelect({ label, noun, value, data, known, onChange, onOpen }: ReferenceSelectProps) {
  const shown = known ? data : [{ value, label: `Missing ${noun} “${value}”` }, ...data];
  return (
    <Select
      size="xs"
      label={label}
      placeholder={`Pick a ${noun}`}
      data={shown}
      value={value}
      onChange={(id) => id && onChange(id)}
      searchable
      allowDeselect={false}
      limit={100}
      nothingFoundMessage={`No ${noun} by that name`}
      error={known ? undefined : data.length ? `This ${noun} does not exist; pick one` : `The project has no ${noun} yet`}
      inputContainer={
        onOpen
          ? (input) => (
              <OpenButton label={`Open the ${noun}`} disabled={!known} onOpen={onOpen}>
                {input}
              </OpenButton>
            )
          : undefined
      }
    />
  );
}
