import { describe, expect, it } from 'vitest';
import { createRuntime, newDialogue, newNode, type Dialogue, type DialogueNode } from '../../main/domain/dialogue';
import { questOutline } from '../../main/domain/quest/quest-outline';
import type { ReferenceNames } from '../../main/domain/dialogue/reference-rules';
import { describeEvent } from '../../main/domain/testchat/describe-event';
import { den, wolves } from '../helpers/quests';

function dialogue(npcId: string | undefined, nodes: DialogueNode[]): Dialogue {
  return {
    ...newDialogue({ id: 'mara', name: 'Mara' }),
    npcId,
    startNodeId: nodes[0].id,
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
  };
}
const line = (id: string, text: string, next?: string): DialogueNode => ({ ...newNode('line', id), speaker: 'Mara', text, next });

/** Mara offers the wolf quest, or, once it is active, asks about the pelts and the alpha. */
const mara = dialogue('mara', [
  {
    ...newNode('branch', 'check'),
    branches: [
      { id: 'done', condition: 'completed("wolves")', target: 'thanks' },
      { id: 'on', condition: 'quest_stage_id("wolves") == "hunt"', target: 'hunt' },
    ],
    else: 'offer',
  },
  line('offer', 'Wolves took my sheep.', 'accept'),
  { ...newNode('action', 'accept'), actions: [{ type: 'startQuest', questId: 'wolves' }], next: 'after' },
  {
    ...newNode('branch', 'after'),
    branches: [{ id: 'b', condition: 'quest_stage_id("wolves") == "meet"', target: 'meet' }],
    else: 'go',
  },
  line('meet', 'Talk to me first.'),
  line('go', 'Bring three pelts.'),
  line('hunt', 'Got the pelts?', 'give'),
  {
    ...newNode('action', 'give'),
    actions: [
      { type: 'giveItem', itemId: 'wolf_pelt', count: 3 },
      { type: 'command', name: 'howl', args: [] },
    ],
    next: 'status',
  },
  {
    ...newNode('branch', 'status'),
    branches: [{ id: 'lodge', condition: 'quest_stage_id("wolves") == "lodge"', target: 'lodge' }],
    else: 'end',
  },
  line('lodge', 'Go tell the hunters at the lodge.'),
  line('thanks', 'Thank you!'),
  { ...newNode('end', 'end') },
]);

describe('dialogue and quests in the runtime', () => {
  it('a playthrough starts the quest; the conversation with the giver completes the talk objective', () => {
    // The talk event comes first, before the quest is active, so the quest waits at "meet".
    const first = createRuntime(mara, { seed: 1, quests: [wolves, den] });
    expect(first.step).toMatchObject({ type: 'line', nodeId: 'offer' });
    first.advance();
    expect(first.step).toMatchObject({ type: 'line', nodeId: 'meet' });
    expect(first.state.quests.wolves).toMatchObject({ status: 'active', stageId: 'meet' });

    // Next time the player talks to Mara, the talk objective is done and the hunt begins.
    const second = createRuntime(mara, { seed: 1, quests: [wolves, den], state: first.state });
    expect(second.state.quests.wolves).toMatchObject({ status: 'active', stageId: 'hunt' });
    expect(second.step).toMatchObject({ type: 'line', nodeId: 'hunt' });
    expect(second.events.map((e) => e.type)).toEqual(['objectiveCompleted', 'questAdvanced']);
    expect(second.events.every((e) => e.nodeId === 'check')).toBe(true);

    // Being given the pelts finishes the hunt stage; without $sided_with_guard the lodge branch is taken.
    const step = second.advance();
    expect(step).toMatchObject({ type: 'line', nodeId: 'lodge' });
    expect(second.events.slice(2).map((e) => e.type)).toEqual(['itemGiven', 'objectiveCompleted', 'questAdvanced', 'command']);
    expect(second.state.quests.wolves).toMatchObject({ stage: 3, stageId: 'lodge' });
  });

  it('the playthrough log names the quest, the stage, the objective and the item, not their ids', () => {
    const outline = questOutline(wolves);
    outline.stages = outline.stages.map((s) => (s.id === 'hunt' ? { ...s, title: 'Bring the pelts' } : s));
    outline.objectives = outline.objectives.map((o) => (o.id === 'talk_mara' ? { ...o, description: 'Talk to Mara' } : o));
    const names: ReferenceNames = {
      quest: (id) => (id === 'wolves' ? outline : undefined),
      item: (id) => (id === 'wolf_pelt' ? 'Wolf pelt' : undefined),
    };
    const first = createRuntime(mara, { seed: 1, quests: [wolves, den] });
    first.advance();
    const second = createRuntime(mara, { seed: 1, quests: [wolves, den], state: first.state });
    second.advance();
    const log = [...first.events, ...second.events].map((event) => describeEvent(event, names));
    expect(log.slice(0, 5)).toEqual([
      'Quest started: The wolf problem',
      'Quest advanced: The wolf problem → meet',
      'Objective done: Talk to Mara (The wolf problem)',
      'Quest advanced: The wolf problem → Bring the pelts',
      'Gave 3 × Wolf pelt',
    ]);
    expect(describeEvent({ type: 'questStarted', questId: 'gone', nodeId: 'n' }, names)).toBe('Quest started: gone');
  });

  it('without definitions quest actions keep their old effect', () => {
    const runtime = createRuntime(mara, { seed: 1 });
    runtime.advance();
    expect(runtime.state.quests.wolves).toEqual({ status: 'active', stage: 0, objectives: {} });
    expect(runtime.step).toMatchObject({ type: 'line', nodeId: 'go' });
  });

  it('an advanceQuest past the last stage ends the dialogue with an error', () => {
    const d = dialogue(undefined, [
      { ...newNode('action', 'a'), actions: [{ type: 'advanceQuest', questId: 'wolves', stage: 9 }], next: 'e' },
      newNode('end', 'e'),
    ]);
    const runtime = createRuntime(d, { seed: 1, quests: [wolves] });
    expect(runtime.step).toMatchObject({ type: 'end', reason: 'error', message: expect.stringContaining('no stage 9') });
  });

  it('a refused start is recorded and the quest stays absent', () => {
    const d = dialogue(undefined, [
      { ...newNode('action', 'a'), actions: [{ type: 'startQuest', questId: 'den' }], next: 'e' },
      newNode('end', 'e'),
    ]);
    const runtime = createRuntime(d, { seed: 1, quests: [wolves, den] });
    expect(runtime.events).toEqual([{ type: 'questStartRefused', questId: 'den', reason: expect.any(String), nodeId: 'a' }]);
    expect(runtime.state.quests.den).toBeUndefined();
  });
});
