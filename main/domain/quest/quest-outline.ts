import type { QuestOutline } from '../dialogue/reference-rules';
import type { Quest } from './quest-schema';

/** The parts of a quest that dialogues name: its title, its stages in order and every stage's objectives. */
export const questOutline = (quest: Quest): QuestOutline => ({
  id: quest.id,
  title: quest.title,
  stages: quest.stages.map((stage) => ({ id: stage.id, title: stage.title })),
  objectives: quest.stages.flatMap((stage) =>
    stage.objectives.map((objective) => ({ id: objective.id, description: objective.description, stageId: stage.id })),
  ),
});
