import type { RuntimeEvent } from '../dialogue/runtime-event';
import type { QuestOutline, ReferenceNames } from '../dialogue/reference-rules';

/** Long values, and the words as a whole, are cut to these many characters. */
const VALUE_CHARS = 80;
const TEXT_CHARS = 200;
const cut = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);
/** A value as JSON, cut; a long string is cut before it is quoted, so no long text is copied. */
const value = (raw: unknown) => cut(JSON.stringify(typeof raw === 'string' ? raw.slice(0, VALUE_CHARS) : raw) ?? String(raw), VALUE_CHARS);
/** A name or id as written, cut. */
const name = (text: string) => cut(text, VALUE_CHARS);

/** Arguments as a list, stopped once it is longer than the words may be. */
function argumentList(args: readonly unknown[]): string {
  let list = '';
  for (const arg of args) {
    list += `${list ? ', ' : ''}${value(arg)}`;
    if (list.length > TEXT_CHARS) break;
  }
  return list;
}

const stageName = (quest: QuestOutline | undefined, stage: number, stageId: string | undefined) => {
  const title = quest?.stages.find((s) => s.id === stageId)?.title.trim();
  return title || `stage ${stage + 1}`;
};

/**
 * A runtime effect in words for the playthrough log, naming quests, stages, objectives and
 * items as the creator wrote them: "$gold: 5 → 15", "Quest advanced: The Lost Anvil → Return
 * to Brannoc", "Gave 2 × Wolf pelt". Values are cut short, so the words stay small whatever
 * the dialogue holds.
 */
export function describeEvent(event: RuntimeEvent, names: ReferenceNames): string {
  return cut(words(event, names), TEXT_CHARS);
}

function words(event: RuntimeEvent, names: ReferenceNames): string {
  if (event.type === 'variableChanged') return `$${event.name}: ${event.from === undefined ? 'unset' : value(event.from)} → ${value(event.to)}`;
  if (event.type === 'itemGiven') return `${event.count >= 0 ? 'Gave' : 'Took'} ${Math.abs(event.count)} × ${name(names.item(event.itemId) ?? event.itemId)}`;
  if (event.type === 'command') return `Command ${name(event.name)}(${argumentList(event.args)})`;
  const quest = names.quest(event.questId);
  const title = name(quest?.title.trim() || event.questId);
  switch (event.type) {
    case 'questStarted':
      return `Quest started: ${title}`;
    case 'questStartRefused':
      return `Quest not started: ${title} (${event.reason})`;
    case 'questUnlocked':
      return `Quest unlocked: ${title}`;
    case 'questAdvanced':
      return `Quest advanced: ${title} → ${name(stageName(quest, event.stage, event.stageId))}`;
    case 'objectiveProgressed':
    case 'objectiveCompleted': {
      const objective = name(quest?.objectives.find((o) => o.id === event.objectiveId)?.description.trim() || event.objectiveId);
      return event.type === 'objectiveCompleted'
        ? `Objective done: ${objective} (${title})`
        : `Objective progress: ${objective}, ${event.count} of ${event.of} (${title})`;
    }
    case 'questCompleted':
      return `Quest completed: ${title}`;
    case 'questFailed':
      return `Quest failed: ${title} (${event.reason})`;
  }
}
