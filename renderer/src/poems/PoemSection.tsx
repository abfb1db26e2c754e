import { useEffect } from 'react';
import type { Section } from '../app/sections';
import { ContentSection } from '../sections/ContentSection';
import { PoemEditor } from './PoemEditor';
import { poetryWorker } from './poetry-protocol';

/** Poems: the list and the poem editor; the pronouncing dictionary starts loading in its worker as the section opens. */
export function PoemSection({ section }: { section: Section }) {
  useEffect(() => void poetryWorker(), []);
  return <ContentSection section={section} kind="poem" editor={PoemEditor} />;
}
