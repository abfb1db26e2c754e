import { loadNpc } from '../../domain/npc';
import type { PlainItem, ProjectContent } from '../../domain/pack';
import { RecordError } from '../../domain/records/versioned-record';
import { AppError } from '../app-error';
import type { ProjectSession } from '../project-session';

/** Everything of the open project that a pack carries, each record brought up to its current format. */
export function loadProjectContent(session: ProjectSession): ProjectContent {
  const { content, dialogues, world } = session;
  const plain = (kind: 'story' | 'poem' | 'script'): PlainItem[] =>
    content.list(kind).map(({ id }) => {
      const item = content.get(id);
      return { id, name: item.name, data: item.data };
    });
  const npcs = content.list('npc').map(({ id, name }) => {
    try {
      return loadNpc(content.get(id).data, { id, name });
    } catch (error) {
      if (error instanceof RecordError) throw new AppError('project_corrupt', `NPC ${name}: ${error.message}`);
      throw error;
    }
  });
  return {
    npcs,
    dialogues: dialogues.list().map(({ id }) => dialogues.get(id).dialogue),
    quests: session.quests.all(),
    items: world.list('item'),
    locations: world.list('location'),
    stories: plain('story'),
    poems: plain('poem'),
    scripts: plain('script'),
  };
}
