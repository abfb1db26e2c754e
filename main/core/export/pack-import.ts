import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ImportResult } from '../../../preload/contract/export';
import { INTEROP_LIMITS, InteropError } from '../../domain/interop/interop-error';
import { importTwee } from '../../domain/interop/twee';
import { importYarn } from '../../domain/interop/yarn-import';
import { Dialogue } from '../../domain/dialogue';
import { NpcPersona } from '../../domain/npc';
import { packToProject, type Pack } from '../../domain/pack';
import { describeIssues } from '../../domain/records/versioned-record';
import { AppError } from '../app-error';
import type { ProjectSession } from '../project-session';

/** Whether the project holds an item with this id, deleted ones included (their history keeps the id). */
function taken(session: ProjectSession, id: string): boolean {
  try {
    session.content.kindOf(id);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return false;
    throw error;
  }
}

/**
 * Adds a read and validated pack to the open project, keeping every id so that exporting
 * the project again gives the same pack. Ids already in the project are refused up front:
 * nothing is written when any of them clashes. Each item is written in its own short
 * transaction and announced as it is; the studio runs this on a worker thread, through a
 * connection of its own (see importPackFile in project-file-tasks.ts).
 */
export function importPackIntoProject(session: ProjectSession, pack: Pack, announce: (id: string, revision: number) => void): ImportResult {
  const content = packToProject(pack);
  const items = session.world.ids('item');
  const locations = session.world.ids('location');
  const clashes = [
    ...[...content.npcs, ...content.dialogues, ...content.quests, ...content.stories, ...content.poems, ...content.scripts]
      .filter((item) => taken(session, item.id))
      .map((item) => item.id),
    ...content.items.filter((i) => items.has(i.id)).map((i) => i.id),
    ...content.locations.filter((l) => locations.has(l.id)).map((l) => l.id),
  ];
  if (clashes.length) {
    throw new AppError(
      'conflict',
      `The project already has ${clashes.length} of the pack's items (${clashes.slice(0, 5).join(', ')}); import it into another project.`,
    );
  }
  for (const persona of content.npcs) {
    const parsed = NpcPersona.parse(persona);
    const item = session.content.create('npc', parsed.name.trim() || 'Unnamed NPC', parsed, parsed, parsed.id);
    announce(item.id, item.revision);
  }
  for (const dialogue of content.dialogues) {
    const document = session.dialogues.createFrom(Dialogue.parse(dialogue), dialogue.id);
    announce(document.id, document.revision);
  }
  for (const quest of content.quests) {
    const item = session.content.create('quest', quest.title, quest, quest, quest.id);
    announce(item.id, item.revision);
  }
  for (const item of content.items) session.world.save('item', item);
  for (const location of content.locations) session.world.save('location', location);
  for (const [kind, list] of [
    ['story', content.stories],
    ['poem', content.poems],
    ['script', content.scripts],
  ] as const) {
    for (const plain of list) {
      const item = session.content.create(kind, plain.name, plain.data, plain.data, plain.id);
      announce(item.id, item.revision);
    }
  }
  return { packId: pack.manifest.packId, name: pack.manifest.name, counts: pack.manifest.contents };
}

/** Reads a Yarn or Twee file as a new dialogue (with a new id), named after the file. */
export async function readDialogueFile(path: string): Promise<Dialogue> {
  const full = resolve(path);
  const info = await stat(full).catch(() => {
    throw new AppError('not_found', `There is no file at ${full}.`);
  });
  if (!info.isFile()) throw new AppError('invalid_input', `${full} is not a file.`);
  if (info.size > INTEROP_LIMITS.maxBytes)
    throw new AppError('invalid_input', `${full} is larger than ${INTEROP_LIMITS.maxBytes / 1024 / 1024} MB.`);
  const extension = extname(full).toLowerCase();
  const importer = extension === '.yarn' ? importYarn : extension === '.twee' || extension === '.tw' ? importTwee : undefined;
  if (!importer) throw new AppError('invalid_input', 'Choose a Yarn Spinner (.yarn) or Twee 3 (.twee, .tw) file.');
  const name = basename(full, extname(full)).slice(0, 200) || 'Imported dialogue';
  try {
    const parsed = Dialogue.safeParse(importer(await readFile(full, 'utf8'), { id: randomUUID(), name }));
    if (!parsed.success) throw new AppError('invalid_input', `The imported dialogue is not valid: ${describeIssues(parsed.error)}`);
    return parsed.data;
  } catch (error) {
    if (error instanceof InteropError) throw new AppError('invalid_input', `${basename(full)}: ${error.message}`);
    throw error;
  }
}
