import type { Section } from '../app/sections';
import { ContentSection } from '../sections/ContentSection';
import { PoemEditor } from './PoemEditor';

/** Poems: the list and the poem editor; the pronouncing dictionary loads in a worker when a poem is first checked. */
export function PoemSection({ section }: { section: Section }) {
  return <ContentSection section={section} kind="poem" editor={PoemEditor} />;
}
