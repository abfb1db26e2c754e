import { describe, expect, it } from 'vitest';
import { newNode, type DialogueNode } from '../../main/domain/dialogue';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('the playthrough log', () => {
  it('keeps the markup of the lines said and the options chosen, across a restart of the studio', async () => {
    const dir = tempDir();
    let studio = makeStudio(dir);
    const project = await callOk(studio, 'projects:create', { name: 'Markup' });
    await callOk(studio, 'projects:open', { id: project.id });
    const { id, revision } = await callOk(studio, 'dialogues:create', { name: 'Greeting' });
    const nodes: DialogueNode[] = [
      {
        ...newNode('line', 'start'),
        speaker: 'Mira',
        text: 'Well [b]met[/b], [color=gold]traveller[/color].',
        next: 'ask',
      } as DialogueNode,
      {
        ...newNode('choice', 'ask'),
        options: [{ id: 'go', text: 'I [i]must[/i] go.', target: 'end' }],
      } as DialogueNode,
    ];
    await callOk(studio, 'dialogues:save', { id, baseRevision: revision, upsertNodes: nodes });
    let view = await callOk(studio, 'playthroughs:start', { dialogueId: id });
    view = await callOk(studio, 'playthroughs:advance', { id: view.playthrough.id });
    view = await callOk(studio, 'playthroughs:choose', { id: view.playthrough.id, optionId: 'go' });

    const said = [
      {
        type: 'line',
        text: 'Well met, traveller.',
        markup: [
          { name: 'b', start: 5, length: 3, properties: {} },
          { name: 'color', start: 10, length: 9, properties: { color: 'gold' } },
        ],
      },
      { type: 'choice', text: 'I must go.', markup: [{ name: 'i', start: 2, length: 4, properties: {} }] },
    ];
    expect(view.playthrough.log.slice(0, 2)).toMatchObject(said);
    studio.close();
    studio = makeStudio(dir);
    await callOk(studio, 'projects:open', { id: project.id });
    expect((await callOk(studio, 'playthroughs:get', { id: view.playthrough.id })).playthrough.log.slice(0, 2)).toMatchObject(said);
    studio.close();
  });
});
