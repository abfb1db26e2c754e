import { useEffect, useState } from 'react';
import { monaco } from './monaco/monaco-setup';

/** The problems the language workers report for a model (TypeScript and JSON diagnostics), kept current. */
export function useScriptMarkers(model: monaco.editor.ITextModel | null): monaco.editor.IMarker[] {
  const [markers, setMarkers] = useState<monaco.editor.IMarker[]>([]);
  useEffect(() => {
    if (!model) return;
    const read = () => setMarkers(monaco.editor.getModelMarkers({ resource: model.uri }));
    read();
    const sub = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((uri) => uri.toString() === model.uri.toString())) read();
    });
    return () => sub.dispose();
  }, [model]);
  return markers;
}
