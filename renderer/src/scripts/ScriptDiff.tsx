import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ContentItem } from '../../../preload/api';
import { loadScript } from '../../../main/domain/script';
import { MONACO_LANGUAGE, monaco } from './monaco/monaco-setup';

/** An earlier revision of a script against the current one in Monaco's diff editor (inline, read-only). */
export function ScriptDiff({ older, current }: { older: ContentItem; current: ContentItem }) {
  const container = useRef<HTMLDivElement | null>(null);
  const scheme = useComputedColorScheme('light');

  useEffect(() => {
    if (!container.current) return;
    const before = loadScript(older.data);
    const after = loadScript(current.data);
    const original = monaco.editor.createModel(before.code, MONACO_LANGUAGE[before.language]);
    const modified = monaco.editor.createModel(after.code, MONACO_LANGUAGE[after.language]);
    const diff = monaco.editor.createDiffEditor(container.current, {
      readOnly: true,
      originalEditable: false,
      renderSideBySide: false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      theme: scheme === 'dark' ? 'vs-dark' : 'vs',
    });
    diff.setModel({ original, modified });
    return () => {
      diff.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [older, current, scheme]);

  return <div ref={container} data-testid="script-diff" style={{ height: 420, border: '1px solid var(--mantine-color-default-border)' }} />;
}
