import type { RuntimeEvent } from '../dialogue/runtime-event';

/** A runtime effect in words for the playthrough log: "$gold: 5 → 15", "quest ring advanced to stage 2". */
export function describeEvent(event: RuntimeEvent): string {
  switch (event.type) {
    case 'variableChanged':
      return `$${event.name}: ${event.from === undefined ? 'unset' : JSON.stringify(event.from)} → ${JSON.stringify(event.to)}`;
    case 'itemGiven':
      return `${event.count >= 0 ? 'Gave' : 'Took'} ${Math.abs(event.count)} × ${event.itemId}`;
    case 'command':
      return `Command ${event.name}(${event.args.map((arg) => JSON.stringify(arg)).join(', ')})`;
    default: {
      const { type, nodeId: _nodeId, ...details } = event;
      const words = type.replace(/([A-Z])/g, ' $1').toLowerCase();
      const fields = Object.entries(details).map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
      return `${words[0].toUpperCase()}${words.slice(1)}${fields.length ? `: ${fields.join(', ')}` : ''}`;
    }
  }
}
