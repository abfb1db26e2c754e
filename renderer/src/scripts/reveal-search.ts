import { searchTerms } from '../search/reveal-store';
import { monaco } from './monaco/monaco-setup';

/** How long a search hit stays highlighted after the editor shows it. */
const HIGHLIGHT_MS = 4000;

/**
 * Shows where a project search matched in a script: the whole phrase when it occurs,
 * otherwise the first word (the last as a prefix, as the index matched it); the match is
 * selected, scrolled to the middle and highlighted for a moment.
 */
export function revealSearch(editor: monaco.editor.IStandaloneCodeEditor, query: string): boolean {
  const model = editor.getModel();
  if (!model) return false;
  const terms = searchTerms(query);
  const candidates = [terms.join(' '), ...terms].filter(Boolean);
  for (const candidate of candidates) {
    const [match] = model.findMatches(candidate, false, false, false, null, false, 1);
    if (!match) continue;
    editor.setSelection(match.range);
    editor.revealRangeInCenter(match.range);
    const highlight = editor.createDecorationsCollection([
      {
        range: match.range,
        options: { inlineClassName: 'search-hit', overviewRuler: { color: '#fab005', position: monaco.editor.OverviewRulerLane.Center } },
      },
    ]);
    window.setTimeout(() => highlight.clear(), HIGHLIGHT_MS);
    editor.focus();
    return true;
  }
  return false;
}
