import { Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import type { WorldItem, WorldLocation } from '../../../../main/domain/quest';
import { api } from '../../api/client';
import { useSession } from '../../stores/session-store';
import { useQuests } from '../quest-store';
import { WorldRecordTable } from './WorldRecordTable';

const track = <T,>(call: Promise<T>) => useSession.getState().trackSave(call);

/** The project's items and locations: what quest objectives, rewards and dialogue actions pick from. */
export function WorldPanel() {
  const items = useQuests((s) => s.items);
  const locations = useQuests((s) => s.locations);
  const reload = () => useQuests.getState().loadWorld();

  return (
    <Stack p="lg" gap="md">
      <Text size="sm" c="dimmed" maw={760}>
        Items and locations are named by id in quest objectives (“collect 3 wolf pelts”, “reach the lodge”), rewards and dialogue actions.
        The game decides what they are; here they get a name, so validation can tell when something refers to nothing.
      </Text>
      <Group align="flex-start" gap="md" wrap="wrap">
        <WorldRecordTable<WorldItem>
          title="Items"
          noun="item"
          records={items}
          empty="No items yet. Add the things players collect, carry and are rewarded with."
          blank={() => ({ id: '', name: '', description: '', stackable: true })}
          extraHeader="Stacks"
          extraCell={(item) => (item.stackable ? 'yes' : 'no')}
          extraFields={(item, change) => (
            <Checkbox
              label="Several stack in one slot"
              checked={item.stackable}
              onChange={(e) => change({ ...item, stackable: e.currentTarget.checked })}
            />
          )}
          save={(item) => track(api.call('world:items:save', { item })).then(reload)}
          remove={(id) => track(api.call('world:items:delete', { id })).then(reload)}
        />
        <WorldRecordTable<WorldLocation>
          title="Locations"
          noun="location"
          records={locations}
          empty="No locations yet. Add the places objectives send players to."
          blank={() => ({ id: '', name: '', description: '', region: '' })}
          extraHeader="Region"
          extraCell={(location) => location.region}
          extraFields={(location, change) => (
            <TextInput
              label="Region"
              value={location.region}
              maxLength={120}
              onChange={(e) => change({ ...location, region: e.currentTarget.value })}
            />
          )}
          save={(location) => track(api.call('world:locations:save', { location })).then(reload)}
          remove={(id) => track(api.call('world:locations:delete', { id })).then(reload)}
        />
      </Group>
    </Stack>
  );
}
