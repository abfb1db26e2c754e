import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ScriptLanguage } from '../../../main/domain/script';
import { MONACO_LANGUAGE, monaco, scriptModelUri } from './monaco/monaco-setup';

/** Indentation each language's community uses: Roblox style guides use tabs, web code two spaces. */
const TAB_OPTIONS: Record<ScriptLanguage, { insertSpaces: boolean; tabSize: number }> = {
  luau: { insertSpaces: false, tabSize: 4 },
  typescript: { insertSpaces: true, tabSize: 2 },
  javascript: { insertSpaces: true, tabSize: 2 },
  json: { insertSpaces: true, tabSize: 2 },
};

/**
 * A Monaco editor in `container` over the script's model, created once per opened script
 * and disposed with it; follows the studio's light or dark theme.
 */
export function useMonacoEditor(id: string, language: ScriptLanguage, code: string) {
  const container = useRef<HTMLDivElement | null>(null);
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const [model, setModel] = useState<monaco.editor.ITextModel | null>(null);
  const scheme = useComputedColorScheme('light');
  const initial = useRef({ language, code });

  useEffect(() => {
    if (!container.current) return;
    const { language: lang, code: text } = initial.current;
    const uri = scriptModelUri(id, lang);
    monaco.editor.getModel(uri)?.dispose();
    const created = monaco.editor.createModel(text, MONACO_LANGUAGE[lang], uri);
    created.updateOptions(TAB_OPTIONS[lang]);
    const instance = monaco.editor.create(container.current, {
      model: created,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      inlineSuggest: { enabled: true },
      tabCompletion: 'on',
      renderWhitespace: 'selection',
      'semanticHighlighting.enabled': true,
    });
    setEditor(instance);
    setModel(created);
    return () => {
      instance.getModel()?.dispose();
      instance.dispose();
      setEditor(null);
      setModel(null);
    };
  }, [id]);

  useEffect(() => {
    monaco.editor.setTheme(scheme === 'dark' ? 'vs-dark' : 'vs');
  }, [scheme]);

  /**
   * Changes the language. Between Luau and TypeScript the same model changes language (its
   * undo history stays); otherwise the text moves to a model at the new language's address.
   */
  const switchLanguage = (next: ScriptLanguage) => {
    const current = editor?.getModel();
    if (!editor || !current) return;
    const uri = scriptModelUri(id, next);
    if (uri.toString() === current.uri.toString()) {
      monaco.editor.setModelLanguage(current, MONACO_LANGUAGE[next]);
      current.updateOptions(TAB_OPTIONS[next]);
      return;
    }
    monaco.editor.getModel(uri)?.dispose();
    const moved = monaco.editor.createModel(current.getValue(), MONACO_LANGUAGE[next], uri);
    moved.updateOptions(TAB_OPTIONS[next]);
    editor.setModel(moved);
    current.dispose();
    setModel(moved);
  };

  return { container, editor, model, switchLanguage };
}
