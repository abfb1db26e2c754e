import type { scriptMethods, ScriptSummary } from '../../../preload/contract/scripts';
import { isInFolder, loadScript, reparentFolder, SCRIPT_LANGUAGES, type ScriptLanguage } from '../../domain/script';
import type { ContentStore } from '../content/content-store';
import type { Handlers } from '../studio';
import { checkedContentData } from '../content/checked-data';

type ScriptHandlers = Pick<Handlers, keyof typeof scriptMethods>;

/** Tells the hosts' listeners that a script item changed. */
type ContentChanged = (id: string, revision: number, deleted: boolean) => void;

const languageOf = (value: unknown): ScriptLanguage =>
  SCRIPT_LANGUAGES.includes(value as ScriptLanguage) ? (value as ScriptLanguage) : 'luau';

/** Lists scripts by folder and language (read by JSON path, no code parsed) and moves folders. */
export function scriptHandlers(content: () => ContentStore, changed: ContentChanged): ScriptHandlers {
  const list = (): ScriptSummary[] =>
    content()
      .listFields('script', { language: '$.language', folder: '$.folder' })
      .map(({ fields, kind: _kind, ...summary }) => ({
        ...summary,
        language: languageOf(fields.language),
        folder: typeof fields.folder === 'string' ? fields.folder : '',
      }));

  return {
    'scripts:list': () => list(),

    'scripts:moveFolder': ({ from, to }) => {
      const store = content();
      let moved = 0;
      for (const script of list()) {
        if (!isInFolder(script.folder, from)) continue;
        const saved = store.writeItem(script.id, (row) => {
          const data = loadScript(JSON.parse(row.data));
          const next = checkedContentData('script', { ...data, folder: reparentFolder(data.folder, from, to) });
          return { op: 'save', name: row.name, data: next, deleted: false };
        });
        changed(script.id, saved.revision, false);
        moved++;
      }
      return { moved };
    },
  };
}
