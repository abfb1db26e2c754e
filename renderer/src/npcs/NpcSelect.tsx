import { Group, Select, Text, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import type { NpcSummary } from '../../../preload/contract/npcs';
import { NpcAvatar } from './NpcAvatar';

interface NpcSelectProps extends Omit<SelectProps, 'data' | 'renderOption' | 'onChange'> {
  npcs: readonly NpcSummary[];
  onChange(id: string | null): void;
}

/**
 * Picks an NPC by name; each option shows the avatar and role, so two NPCs of the same name
 * ("Brannoc" the smith, "Brannoc" the guard) can be told apart, and the field shows the pick's.
 * An id that names no NPC (deleted since) stays visible as itself. The avatar is decoration:
 * an option reads as the NPC's name and role.
 */
export function NpcSelect({ npcs, onChange, value, ...props }: NpcSelectProps) {
  const byId = useMemo(() => new Map(npcs.map((npc) => [npc.id, npc])), [npcs]);
  const data = useMemo(() => {
    const listed = npcs.map((npc) => ({ value: npc.id, label: npc.role ? `${npc.name} (${npc.role})` : npc.name }));
    return value && !byId.has(value) ? [...listed, { value, label: `${value} (missing)` }] : listed;
  }, [npcs, byId, value]);
  const picked = value ? byId.get(value) : undefined;
  return (
    <Select
      searchable
      // A long name is cut in the field; its tooltip holds it whole.
      title={picked ? (picked.role ? `${picked.name} (${picked.role})` : picked.name) : undefined}
      {...props}
      value={value}
      data={data}
      onChange={onChange}
      leftSection={picked ? <NpcAvatar id={picked.id} name={picked.name} hasAvatar={picked.hasAvatar} size={18} /> : undefined}
      renderOption={({ option }) => {
        const npc = byId.get(option.value);
        if (!npc) return option.label;
        return (
          <Group gap="xs" wrap="nowrap">
            <NpcAvatar id={npc.id} name={npc.name} hasAvatar={npc.hasAvatar} size={24} aria-hidden />
            <div>
              <Text size="sm">{npc.name}</Text>
              {npc.role && (
                <Text size="xs" c="dimmed">
                  {npc.role}
                </Text>
              )}
            </div>
          </Group>
        );
      }}
    />
  );
}
