import {
  IconBook2,
  IconBrandDatabricks,
  IconCode,
  IconCpu,
  IconFeather,
  IconMessageChatbot,
  IconMessages,
  IconPackageExport,
  IconSwords,
  IconUserCircle,
  type Icon,
} from '@tabler/icons-react';
import type { ContentKind } from '../../../main/domain/content-kinds';

export type SectionId = ContentKind | 'testchat' | 'export' | 'models';

export interface Section {
  id: SectionId;
  label: string;
  icon: Icon;
  /** The content kind the section lists, for the sections that hold project items. */
  kind?: ContentKind;
  description: string;
}

/** The sidebar, in order; Ctrl/Cmd+1…9 jump to them. */
export const SECTIONS: readonly Section[] = [
  { id: 'npc', kind: 'npc', label: 'NPCs', icon: IconUserCircle, description: 'Personas: who your characters are and how they speak.' },
  {
    id: 'dialogue',
    kind: 'dialogue',
    label: 'Dialogues',
    icon: IconMessages,
    description: 'Branching conversations between the player and your NPCs.',
  },
  { id: 'quest', kind: 'quest', label: 'Quests', icon: IconSwords, description: 'Goals, stages and rewards that turn talk into play.' },
  { id: 'story', kind: 'story', label: 'Stories', icon: IconBook2, description: 'Lore, chapters and background prose for your world.' },
  { id: 'poem', kind: 'poem', label: 'Poems', icon: IconFeather, description: 'Songs, riddles and verse for your characters to recite.' },
  {
    id: 'script',
    kind: 'script',
    label: 'Scripts',
    icon: IconCode,
    description: 'Luau and TypeScript that bring your NPCs to life in game.',
  },
  {
    id: 'testchat',
    label: 'Test chat',
    icon: IconMessageChatbot,
    description: 'Talk to your NPCs and play through dialogues before you ship them.',
  },
  { id: 'export', label: 'Export', icon: IconPackageExport, description: 'Content packs for Roblox and web worlds, and interop formats.' },
  { id: 'models', label: 'Models', icon: IconCpu, description: 'The local language models that co-write with you.' },
];

export const sectionById = (id: SectionId): Section => SECTIONS.find((s) => s.id === id) ?? SECTIONS[0];

export const BrandIcon = IconBrandDatabricks;
