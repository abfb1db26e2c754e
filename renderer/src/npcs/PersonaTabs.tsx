import { Stack, Tabs } from '@mantine/core';
import type { NpcPersona } from '../../../main/domain/npc';
import { LIST_FIELDS, type NpcListField } from './npc-fields';
import { LongTextField } from './LongTextField';
import { LorebookEditor } from './LorebookEditor';
import { TextListField } from './TextListField';
import type { EditPersona } from './use-npc-document';

interface PersonaTabsProps {
  persona: NpcPersona;
  edit: EditPersona;
}

/** The persona's fields, grouped the way a writer thinks about a character. */
export function PersonaTabs({ persona, edit }: PersonaTabsProps) {
  const text = { persona, edit };
  const list = (field: NpcListField) => (
    <TextListField {...LIST_FIELDS[field]} values={persona[field]} onChange={(values, group) => edit({ [field]: values }, group)} />
  );

  return (
    <Tabs defaultValue="character" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="character">Character</Tabs.Tab>
        <Tabs.Tab value="story">Story</Tabs.Tab>
        <Tabs.Tab value="greetings">Greetings</Tabs.Tab>
        <Tabs.Tab value="prompting">Prompting</Tabs.Tab>
        <Tabs.Tab value="lorebook">Lorebook{persona.lorebook ? ` (${persona.lorebook.entries.length.toLocaleString('en')})` : ''}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="character" pt="md">
        <Stack gap="lg">
          <LongTextField field="description" minRows={4} {...text} />
          <LongTextField field="personality" {...text} />
          <LongTextField field="speakingStyle" {...text} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="story" pt="md">
        <Stack gap="lg">
          <LongTextField field="scenario" {...text} />
          <LongTextField field="backstory" minRows={4} {...text} />
          {list('goals')}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="greetings" pt="md">
        <Stack gap="lg">
          <LongTextField field="firstMessage" minRows={4} {...text} />
          {list('alternateGreetings')}
          <LongTextField field="exampleDialogue" minRows={6} {...text} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="prompting" pt="md">
        <Stack gap="lg">
          <LongTextField field="systemPrompt" {...text} />
          <LongTextField field="postHistoryInstructions" {...text} />
          <LongTextField field="creatorNotes" {...text} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="lorebook" pt="md">
        <LorebookEditor lorebook={persona.lorebook} onChange={(lorebook, group) => edit({ lorebook }, group)} />
      </Tabs.Panel>
    </Tabs>
  );
}
