import { Badge, Group, ScrollArea, Stack, Tabs, Text } from '@mantine/core';
import type { DialogueState } from '../../../../main/domain/dialogue/dialogue-state';
import type { Dialogue } from '../../../../main/domain/dialogue/dialogue-schema';
import type { PlaythroughView } from '../../../../preload/contract/testchat';
import { StateEditor } from '../state/StateEditor';
import { settableVariables } from '../state/settable-variables';
import { pathColor, pathLabel } from './path-label';
import classes from '../testchat.module.css';

interface PlaythroughInspectorProps {
  view: PlaythroughView;
  dialogue: Dialogue | null;
  onState(state: DialogueState): Promise<void>;
}

/** The variable, quest and inventory state as the playthrough changes it (and the creator sets it), and the path taken, sections by title. */
export function PlaythroughInspector({ view, dialogue, onState }: PlaythroughInspectorProps) {
  return (
    <Stack className={classes.inspector} gap={0} aria-label="Inspector">
      <Tabs defaultValue="state" flex={1} display="flex" style={{ flexDirection: 'column', minHeight: 0 }}>
        <Tabs.List>
          <Tabs.Tab value="state">State</Tabs.Tab>
          <Tabs.Tab value="path">Path</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="state" flex={1} mih={0}>
          <ScrollArea h="100%" type="auto">
            <Stack p="sm" gap="xs">
              <Text size="xs" c="dimmed">
                Actions change this as you play. Set values and apply to test a branch: the node on screen is entered again.
              </Text>
              <StateEditor state={view.state} declared={dialogue ? settableVariables(dialogue) : []} onApply={onState} />
            </Stack>
          </ScrollArea>
        </Tabs.Panel>
        <Tabs.Panel value="path" flex={1} mih={0}>
          <ScrollArea h="100%" type="auto">
            <Group gap={4} p="sm">
              {view.path.map((nodeId, index) => {
                const node = dialogue?.nodes[nodeId];
                return (
                  <Badge key={`${index}-${nodeId}`} size="sm" variant="light" color={pathColor(node)} tt="none" title={nodeId}>
                    {pathLabel(nodeId, node)}
                  </Badge>
                );
              })}
            </Group>
          </ScrollArea>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
