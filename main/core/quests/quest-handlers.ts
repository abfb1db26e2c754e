import type { questMethods } from '../../../preload/contract/quests';
import type { worldMethods } from '../../../preload/contract/world';
import type { Handlers } from '../studio';
import type { ProjectSession } from '../project-session';
import type { WorldKind } from './world-store';

type QuestHandlers = Pick<Handlers, keyof typeof questMethods | keyof typeof worldMethods>;

export interface QuestEvents {
  /** A quest item changed: the same `content:changed` as every other item. */
  contentChanged(id: string, revision: number, deleted: boolean): void;
  /** An item or location changed. */
  worldChanged(kind: WorldKind, id: string, deleted: boolean): void;
}

/** The `quests:*` and `world:*` methods, over the open project (the getter throws when none is open). */
export function questHandlers(project: () => ProjectSession, events: QuestEvents): QuestHandlers {
  const quests = () => project().quests;
  /** The quests once what the call needs of them has been read, a few at a time. */
  const ready = async (part: 'list' | 'checks') => {
    const service = quests();
    await service.ready(part);
    return service;
  };
  const world = () => project().world;
  const announce = <T extends { id: string; revision: number }>(document: T): T => {
    events.contentChanged(document.id, document.revision, false);
    return document;
  };
  const saved = <T extends { id: string }>(kind: WorldKind, record: T): T => {
    events.worldChanged(kind, record.id, false);
    return record;
  };
  const deleted = (kind: WorldKind, id: string) => {
    world().delete(kind, id);
    events.worldChanged(kind, id, true);
    return { id };
  };
  return {
    'quests:list': async () => (await ready('list')).list(),
    'quests:get': ({ id }) => quests().get(id),
    'quests:create': ({ title, quest }) => announce(quests().create(title, quest)),
    'quests:save': ({ id, quest, baseRevision }) => announce(quests().save(id, quest, baseRevision)),
    'quests:delete': ({ id }) => {
      events.contentChanged(id, quests().delete(id), true);
      return { id };
    },
    'quests:validate': async ({ id }) => (await ready('checks')).validate(id),
    'quests:links': async ({ id }) => (await ready('checks')).links(id),
    'quests:outlines': async () => (await ready('checks')).outlines(),
    'world:items:list': () => world().list('item'),
    'world:items:save': ({ item }) => saved('item', world().save('item', item)),
    'world:items:delete': ({ id }) => deleted('item', id),
    'world:locations:list': () => world().list('location'),
    'world:locations:save': ({ location }) => saved('location', world().save('location', location)),
    'world:locations:delete': ({ id }) => deleted('location', id),
  };
}
