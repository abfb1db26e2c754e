import { exportCardJson, exportCardPng } from '../../domain/cards';
import { uniqueNames, type ExportTarget } from './export-target';

/**
 * Character Card V2 and V3 of every NPC, as JSON and as PNG (the card in the image's text
 * chunks, as SillyTavern and other chat front-ends read it), built by the studio's card codec.
 */
export const cardsTarget: ExportTarget = {
  folder: 'cards',
  build: ({ project }) => {
    const names = uniqueNames(project.npcs);
    return [...project.npcs]
      .sort((a, b) => (names.get(a.id)! < names.get(b.id)! ? -1 : 1))
      .flatMap((persona) => {
        const name = names.get(persona.id)!;
        return (['v2', 'v3'] as const).flatMap((spec) => [
          { path: `${name}.${spec}.json`, data: exportCardJson(persona, spec) },
          { path: `${name}.${spec}.png`, data: exportCardPng(persona, spec) },
        ]);
      });
  },
};
