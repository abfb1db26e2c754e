import type { Section } from '../app/sections';
import { ContentSection } from '../sections/ContentSection';
import { StoryEditor } from './StoryEditor';

/** Stories and lore: the list of documents and the prose editor (TipTap loads with this section, not with the shell). */
export function StorySection({ section }: { section: Section }) {
  return <ContentSection section={section} kind="story" editor={StoryEditor} />;
}
