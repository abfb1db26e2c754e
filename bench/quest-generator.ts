import type { Quest, QuestObjective, QuestStage } from '../main/domain/quest';
import { newQuest } from '../main/domain/quest';
import { createRandom } from '../main/domain/dialogue/seeded-random';

export interface GeneratedWorld {
  npcIds: string[];
  itemIds: string[];
  locationIds: string[];
}

/**
 * A large, plausible quest project from a seed: quests of 2 to 5 stages with a branch in
 * every third one, objectives of every type naming the world's NPCs, items and locations,
 * prerequisites on earlier quests (so chains, no cycles) and rewards that unlock later ones.
 */
export function generateQuests(count: number, world: GeneratedWorld, seed = 7): Quest[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const quests: Quest[] = [];
  for (let q = 0; q < count; q++) {
    const id = `quest-${q}`;
    const stageCount = 2 + Math.floor(random() * 4);
    const stages: QuestStage[] = [];
    for (let s = 0; s < stageCount; s++) {
      const objective = (n: number): QuestObjective => {
        const base = { id: `o${s}_${n}`, description: `Objective ${n} of stage ${s}`, optional: n === 2, hidden: false };
        switch (Math.floor(random() * 5)) {
          case 0:
            return { ...base, type: 'talk', npcId: pick(world.npcIds) };
          case 1:
            return { ...base, type: 'collect', itemId: pick(world.itemIds), count: 1 + Math.floor(random() * 5) };
          case 2:
            return { ...base, type: 'reach', locationId: pick(world.locationIds) };
          case 3:
            return { ...base, type: 'defeat', target: 'wolf', count: 3 };
          default:
            return { ...base, type: 'custom', event: `event_${s}`, count: 1 };
        }
      };
      const last = s === stageCount - 1;
      const branch = !last && s + 2 < stageCount && q % 3 === 0;
      stages.push({
        id: `s${s}`,
        title: `Stage ${s + 1}`,
        journal: `The journal entry of stage ${s + 1} of quest ${q}.`,
        objectives: [objective(0), objective(1), objective(2)],
        outcomes: last
          ? []
          : [
              ...(branch
                ? [
                    {
                      id: 'alt',
                      condition: `$choice_${q} >= 2 and not failed("quest-${q}")`,
                      result: 'stage' as const,
                      stageId: `s${s + 2}`,
                    },
                  ]
                : []),
              { id: 'next', condition: '', result: 'stage' as const, stageId: `s${s + 1}` },
            ],
        hidden: s > 0 && q % 2 === 0,
      });
    }
    quests.push({
      ...newQuest({ id, name: `Quest ${q}` }),
      summary: `Generated quest number ${q}.`,
      giverNpcId: pick(world.npcIds),
      level: 1 + (q % 60),
      prerequisites: {
        quests: q > 10 && q % 4 === 0 ? [`quest-${Math.floor(random() * q)}`] : [],
        condition: q % 5 === 0 ? `$level >= ${q % 30}` : '',
      },
      startStageId: 's0',
      stages,
      rewards: [
        { type: 'currency', currency: 'gold', amount: 10 + q },
        { type: 'experience', amount: 100 },
        { type: 'item', itemId: pick(world.itemIds), count: 1 },
        ...(q + 1 < count && q % 7 === 0 ? [{ type: 'unlockQuest' as const, questId: `quest-${q + 1}` }] : []),
      ],
      failConditions: q % 6 === 0 ? [`$reputation < -10`] : [],
    });
  }
  return quests;
}
