import type { NpcPersona } from '../npc';

type StudioFields = Pick<NpcPersona, 'role' | 'speakingStyle' | 'backstory' | 'goals'>;

/**
 * The studio's own fields as the text chat front-ends read: role, backstory and goals as
 * sections of the description, the speaking style as a section of the personality. Written
 * after the creator's own text, so SillyTavern and other readers that know nothing of
 * `extensions.loreweaver` still play the NPC as written.
 */
export function studioSections(studio: Partial<StudioFields>): { description: string; personality: string } {
  const description = [
    studio.role ? `Role: ${studio.role}` : '',
    studio.backstory ? `Backstory: ${studio.backstory}` : '',
    studio.goals?.length ? `Goals:\n${studio.goals.map((goal) => `- ${goal}`).join('\n')}` : '',
  ];
  return {
    description: description.filter(Boolean).join('\n\n'),
    personality: studio.speakingStyle ? `Speaking style: ${studio.speakingStyle}` : '',
  };
}

/** `text` followed by `section` after a blank line (either may be empty). */
export const withSection = (text: string, section: string): string => (text && section ? `${text}\n\n${section}` : text || section);

/** `text` without a trailing `section` that withSection added; text edited since is kept whole. */
export function withoutSection(text: string, section: string): string {
  if (!section || !text.endsWith(section)) return text;
  const rest = text.slice(0, -section.length);
  if (!rest) return '';
  return rest.endsWith('\n\n') ? rest.slice(0, -2) : text;
}
