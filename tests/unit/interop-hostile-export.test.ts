import { parseTwee, parseTwine2HTML } from 'extwee';
import { describe, expect, it } from 'vitest';
import { createRuntime, Dialogue, type DialogueNode } from '../../main/domain/dialogue';
import { exportTwee, importTwee, passageNames } from '../../main/domain/interop/twee';
import { exportYarn } from '../../main/domain/interop/yarn-export';
import { importYarn } from '../../main/domain/interop/yarn-import';
import { toPackDialogue } from '../../main/domain/pack';
import { hostileDialogue } from '../helpers/hostile-dialogue';
import { plainText } from '../../main/domain/dialogue/text';

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
const identity = { id: 'back', name: 'Back' };
const noReport = () => {
  throw new Error('unexpected problem');
};
/** Line breaks do not survive either format (a line of speech is one line); every other character does. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function hostile(seed: number) {
  const dialogue = hostileDialogue(seed);
  expect(Dialogue.safeParse(dialogue).error).toBeUndefined();
  return { dialogue, pack: toPackDialogue(dialogue, noReport) };
}

/** What a player sees: each line's speaker and text, and each choice's options, choosing by a fixed rule. */
function play(dialogue: Dialogue, seed: number): string[] {
  const runtime = createRuntime(dialogue, { seed: 1 });
  const seen: string[] = [];
  for (let turn = 0; turn < 40; turn++) {
    const step = runtime.step;
    if (step.type === 'line' || step.type === 'aiLine') {
      seen.push(`${flat(step.speaker)}: ${flat(step.type === 'line' ? step.text : step.fallbackText)}`);
      runtime.advance();
    } else if (step.type === 'choice') {
      seen.push(`? ${step.options.map((o) => flat(o.text)).join(' | ')}`);
      runtime.choose(step.options[(seed + turn) % step.options.length].id);
    } else {
      seen.push('end');
      break;
    }
  }
  return seen;
}

describe('Yarn export of hostile dialogues', () => {
  it.each(SEEDS)('seed %i imports back to a dialogue that plays the same lines and choices', (seed) => {
    const { dialogue, pack } = hostile(seed);
    const back = importYarn(exportYarn(pack), identity);
    expect(Dialogue.safeParse(back).error).toBeUndefined();
    expect(play(back, seed)).toEqual(play(dialogue, seed));
  });

  it('no text becomes a command, a node or a tag: lines of speech escape every markup character, and only our commands read back', () => {
    for (const seed of SEEDS) {
      const { pack } = hostile(seed);
      const text = exportYarn(pack);
      expect(text.match(/^title: /gm)).toHaveLength(Object.keys(pack.nodes).length);
      const speech = text.split('\n').filter((line) => !/^\s*(<<|\/\/|->|title:|tags:|---|===)/.test(line));
      for (const line of speech) expect(line).not.toMatch(/(^|[^\\])(#line:stolen|<<|>>|\{|\[|\/\/)/);
      const back = importYarn(text, identity);
      const commands = Object.values(back.nodes).flatMap((n) => (n.kind === 'action' ? n.actions : []));
      const ours = [
        'setVariable',
        'play_sound',
        'startQuest',
        'advanceQuest',
        'completeObjective',
        'completeQuest',
        'giveItem',
        'loreweaverJump',
        'outcome',
      ];
      for (const command of commands) expect(ours).toContain(command.type === 'command' ? command.name : command.type);
      expect(commands).not.toContainEqual(expect.objectContaining({ variable: 'gold', value: 999 }));
    }
  });
});

describe('Twee export of hostile dialogues', () => {
  /** The passage each node should read back as: its prose and its links (text and target passage). */
  function expected(node: DialogueNode, name: (id: string | undefined) => string | undefined) {
    const links = (list: { text: string; target?: string }[]) =>
      list.filter((l) => name(l.target) !== undefined).map((l) => ({ text: flat(plainText(l.text)) || '…', target: name(l.target) }));
    switch (node.kind) {
      case 'line':
      case 'aiLine': {
        const text = plainText(node.kind === 'line' ? node.text : node.fallbackText);
        return { prose: flat(node.speaker ? `${node.speaker}: ${text}` : text), links: links([{ text: 'Continue', target: node.next }]) };
      }
      case 'choice':
        return { prose: '', links: links(node.options) };
      case 'end':
        return { prose: node.outcome ? flat(`The end (${node.outcome}).`) : 'The end.', links: [] };
      default:
        return { prose: '', links: [] };
    }
  }

  it.each(SEEDS)('seed %i: extwee reads exactly our passages, and our import reads back every line, choice and link', (seed) => {
    const { dialogue, pack } = hostile(seed);
    const twee = exportTwee(pack);
    const names = passageNames(pack);
    const name = (id: string | undefined) => (id === undefined ? undefined : names.get(id));

    const story = parseTwee(twee);
    const html = parseTwine2HTML(story.toTwine2HTML());
    for (const read of [story, html]) {
      expect(read.passages.map((p) => p.name).sort()).toEqual([...names.values(), 'StoryInit'].sort());
      expect(read.start).toBe(name(dialogue.startNodeId));
      // Prose holds no quote marks (they are written as &#34;), so what is quoted is a macro's string or a comment's JSON: inert.
      const code = read.passages.map((p) => p.text.replace(/"(?:[^"\\\n]|\\.)*"/g, '""')).join('\n');
      expect(code).not.toMatch(/<<run|\[\[evil|<<set \$gold to 999|^::|\*\/.*\*\//m);
      expect(read.getPassageByName('StoryInit')?.text.match(/<<set /g)).toHaveLength(2);
    }
    expect(html.passages.map((p) => p.text)).toEqual(story.passages.map((p) => p.text));

    const back = importTwee(twee, identity);
    expect(Dialogue.safeParse(back).error).toBeUndefined();
    expect(back.startNodeId).toBe(name(dialogue.startNodeId));
    for (const [id, node] of Object.entries(dialogue.nodes)) {
      const passage = name(id)!;
      const want = expected(node, name);
      const read = back.nodes[passage];
      expect(read.kind === 'line' ? plainText(read.text) : '', `${id} prose`).toBe(want.prose);
      const choice = back.nodes[`${passage}#choice`];
      const links = choice?.kind === 'choice' ? choice.options.map((o) => ({ text: plainText(o.text), target: o.target })) : [];
      expect(links, `${id} links`).toEqual(want.links);
    }
  });
});
