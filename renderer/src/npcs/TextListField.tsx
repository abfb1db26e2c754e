import { ActionIcon, Button, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

interface TextListFieldProps {
  label: string;
  hint: string;
  itemLabel: string;
  values: string[];
  onChange(values: string[], group?: string): void;
}

/** A list of short texts (goals, alternate greetings): edit in place, add, remove. */
export function TextListField({ label, hint, itemLabel, values, onChange }: TextListFieldProps) {
  const set = (index: number, value: string) =>
    onChange(
      values.map((v, i) => (i === index ? value : v)),
      `${label}:${index}`,
    );
  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      </div>
      {values.map((value, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <Textarea
            aria-label={`${itemLabel} ${index + 1}`}
            value={value}
            onChange={(e) => set(index, e.currentTarget.value)}
            autosize
            minRows={1}
            maxRows={8}
            flex={1}
          />
          <Tooltip label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}>
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
              onClick={() => onChange(values.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <Button
        size="compact-sm"
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        w="fit-content"
        onClick={() => onChange([...values, ''])}
      >
        Add {itemLabel.toLowerCase()}
      </Button>
    </Stack>
  );
}
