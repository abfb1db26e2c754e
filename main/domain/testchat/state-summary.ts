import type { DialogueState } from '../dialogue/dialogue-state';

/**
 * The game state in words for the NPC's prompt: quests with their stage and done
 * objectives, variables and inventory. Empty when there is nothing to say. `questNames`
 * turns quest ids into the titles the creator gave them.
 */
export function describeState(state: DialogueState, questNames: Readonly<Record<string, string>> = {}): string {
  const lines: string[] = [];
  for (const [id, quest] of Object.entries(state.quests).sort(([a], [b]) => a.localeCompare(b))) {
    const name = Object.hasOwn(questNames, id) ? questNames[id] : id;
    const done = Object.entries(quest.objectives)
      .filter(([, complete]) => complete)
      .map(([objective]) => objective);
    lines.push(`- Quest "${name}": ${quest.status}, stage ${quest.stage}${done.length ? `; objectives done: ${done.join(', ')}` : ''}`);
  }
  const variables = Object.entries(state.variables).sort(([a], [b]) => a.localeCompare(b));
  if (variables.length) lines.push(`- Variables: ${variables.map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(', ')}`);
  const items = Object.entries(state.inventory).filter(([, count]) => count > 0);
  if (items.length) lines.push(`- The player carries: ${items.map(([item, count]) => `${item} × ${count}`).join(', ')}`);
  return lines.length ? `Current game state (for you to know, not to recite):\n${lines.join('\n')}` : '';
}
