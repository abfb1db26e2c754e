import { useEffect, useMemo, useState } from 'react';
import { checkPoem, noPronouncer, type PoemCheck, type PoemForm, type PoemScheme } from '../../../main/domain/poetry';
import { askPoetry } from './poetry-protocol';

let dictionaryReady = false;

/**
 * The live check of a poem. The worker answers with the dictionary; until its first answer
 * (the dictionary is still loading) the check counts by spelling, so the gutter is never empty;
 * if the worker cannot start, spelling is all there is and `failure` says why.
 */
export function usePoemCheck(text: string, form: PoemForm, scheme: PoemScheme | undefined) {
  const [checked, setChecked] = useState<{ key: string; check: PoemCheck } | null>(null);
  const [ready, setReady] = useState(dictionaryReady);
  const [failure, setFailure] = useState<string | null>(null);
  const key = JSON.stringify([text, form, scheme]);

  useEffect(() => {
    let current = true;
    askPoetry({ type: 'check', text, form, scheme }).then(
      ({ check }) => {
        dictionaryReady = true;
        if (!current) return;
        setReady(true);
        setChecked({ key, check });
      },
      (e: Error) => current && setFailure(e.message),
    );
    return () => {
      current = false;
    };
  }, [key, text, form, scheme]);

  const fresh = checked?.key === key;
  // A slightly stale worker answer (a keystroke behind) beats recounting by spelling; spelling only fills the first wait.
  const needsFallback = !checked || (!fresh && !ready);
  const fallback = useMemo(() => (needsFallback ? checkPoem(text, form, scheme, noPronouncer) : null), [needsFallback, text, form, scheme]);
  return { check: fallback ?? checked!.check, ready, failure };
}
