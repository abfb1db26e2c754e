import { Stack, Text } from '@mantine/core';
import { IconMessagePlus, IconSitemap, IconSparkles } from '@tabler/icons-react';
import type { DialogueNode } from '../../../../main/domain/dialogue';
import { useEditorStore } from '../editor-context';
import { firstFreeOutput } from '../graph/node-edits';
import { expandBranch, suggestResponses, writeLine } from './ai-actions';
import { useAiJob } from './ai-job-store';
import { AiButton } from '../../components/AiButton';
import { usePersona } from './use-persona';
import { useEditor } from '../editor-context';

/** The AI actions that apply to the selected node; each opens a preview. */
export function AiNodeActions({ node }: { node: DialogueNode }) {
  const store = useEditorStore();
  const persona = usePersona(useEditor((s) => s.dialogue.npcId));
  const start = useAiJob((s) => s.start);
  const dialogue = () => store.getState().dialogue;
  const isLine = node.kind === 'line' || node.kind === 'aiLine';
  const canRespond = node.kind === 'choice' || (node.kind === 'line' && node.next === undefined);
  const canExpand = firstFreeOutput(node) !== undefined;
  if (!isLine && !canRespond && !canExpand) return null;

  const action = (label: string, icon: React.ReactNode, task: Parameters<typeof start>[1]) => (
    <AiButton size="xs" color="grape" justify="flex-start" fullWidth leftSection={icon} onClick={() => start(label, task)}>
      {label}
    </AiButton>
  );

  return (
    <Stack gap={6}>
      <Text size="xs" fw={600} tt="uppercase" c="dimmed">
        Write with AI
      </Text>
      {isLine &&
        action(node.kind === 'line' && node.text ? 'Rewrite in the NPC’s voice' : 'Write this line', <IconSparkles size={14} />, (run) =>
          writeLine(run, dialogue(), node, persona),
        )}
      {canRespond &&
        action('Suggest 3 player responses', <IconMessagePlus size={14} />, (run) => suggestResponses(run, dialogue(), node, persona))}
      {canExpand && action('Expand a branch from here', <IconSitemap size={14} />, (run) => expandBranch(run, dialogue(), node, persona))}
    </Stack>
  );
}
