import { describe, expect, it } from 'vitest';
import {
  newDialogue,
  newNode,
  setVariableAction,
  validateDialogue,
  type Dialogue,
  type DialogueAction,
  type VariableDeclaration,
} from '../../main/domain/dialogue';

const gold: VariableDeclaration = { name: 'gold', type: 'number', default: 10 };
const metKing: VariableDeclaration = { name: 'met_king', type: 'bool', default: false };
const title: VariableDeclaration = { name: 'title', type: 'string', default: 'stranger' };

/** A dialogue that runs one action and ends, with the three variables declared. */
function running(action: DialogueAction): Dialogue {
  return {
    ...newDialogue({ id: 'smith', name: 'The smith' }),
    variables: [gold, metKing, title],
    startNodeId: 'act',
    nodes: { act: { ...newNode('action', 'act'), actions: [action], next: 'end' }, end: newNode('end', 'end') },
  };
}

const problemsOf = (action: DialogueAction) => validateDialogue(running(action)).filter((p) => p.severity === 'error');

describe('a new set-variable action', () => {
  it('starts from the blank value of its variable type: 0, false or ""', () => {
    expect(setVariableAction(gold)).toEqual({ type: 'setVariable', variable: 'gold', operator: '=', value: 0 });
    expect(setVariableAction(metKing)).toEqual({ type: 'setVariable', variable: 'met_king', operator: '=', value: false });
    expect(setVariableAction(title)).toEqual({ type: 'setVariable', variable: 'title', operator: '=', value: '' });
    for (const variable of [gold, metKing, title]) expect(problemsOf(setVariableAction(variable))).toEqual([]);
  });

  it('keeps its value when another variable of the same type is picked, and resets it when the type differs', () => {
    const spend: DialogueAction = { type: 'setVariable', variable: 'gold', operator: '-=', value: 5 };
    const coins: VariableDeclaration = { name: 'coins', type: 'number', default: 0 };
    expect(setVariableAction(coins, spend)).toEqual({ ...spend, variable: 'coins' });
    const retitled = setVariableAction(title, spend);
    expect(retitled).toEqual({ type: 'setVariable', variable: 'title', operator: '=', value: '' });
    expect(problemsOf(retitled)).toEqual([]);
  });
});
