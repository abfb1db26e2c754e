import type { RuntimeEvent } from '../dialogue/runtime-event';

/** Long values, and the words as a whole, are cut to these many characters. */
const VALUE_CHARS = 80;
const TEXT_CHARS = 200;
const cut = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);
/** A value as JSON, cut; a long string is cut before it is quoted, so no long text is copied. */
const value = (raw: unknown) => cut(JSON.stringify(typeof raw === 'string' ? raw.slice(0, VALUE_CHARS) : raw) ?? String(raw), VALUE_CHARS);

/** Arguments as a list, stopped once it is longer than the words may be. */
function argumentList(args: readonly unknown[]): string {
  let list = '';
  for (const arg of args) {
    list += `${list ? ', ' : ''}${value(arg)}`;
    if (list.length > TEXT_CHARS) break;
  }
  return list;
}

/**
 * A runtime effect in words for the playthrough log: "$gold: 5 → 15", "quest ring advanced
 * to stage 2". Values are cut short, so the words stay small whatever the dialogue holds.
 */
export function describeEvent(event: RuntimeEvent): string {
  return cut(words(event), TEXT_CHARS);
}

function words(event: RuntimeEvent): string {
  switch (event.type) {
    case 'variableChanged':
      return `$${event.name}: ${event.from === undefined ? 'unset' : value(event.from)} → ${value(event.to)}`;
    case 'itemGiven':
      return `${event.count >= 0 ? 'Gave' : 'Took'} ${Math.abs(event.count)} × ${event.itemId}`;
    case 'command':
      return `Command ${event.name}(${argumentList(event.args)})`;
    default: {
      const { type, nodeId: _nodeId, ...details } = event;
      const words = type.replace(/([A-Z])/g, ' $1').toLowerCase();
      const fields = Object.entries(details).map(([key, field]) => `${key} ${typeof field === 'string' ? field : value(field)}`);
      return `${words[0].toUpperCase()}${words.slice(1)}${fields.length ? `: ${fields.join(', ')}` : ''}`;
    }
  }
}
