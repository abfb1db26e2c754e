import {
  IconArrowBackUp,
  IconArrowBearRight,
  IconArrowLoopRight,
  IconBookmark,
  IconBolt,
  IconGitBranch,
  IconListDetails,
  IconMessage,
  IconPlayerStopFilled,
  IconSparkles,
  IconStack2,
  type Icon,
} from '@tabler/icons-react';
import type { DialogueNodeKind } from '../../../../main/domain/dialogue';

export interface KindInfo {
  label: string;
  icon: Icon;
  /** Mantine colour name of the node's accent. */
  color: string;
  /** The key that adds one on the canvas. */
  key: string;
  hint: string;
}

/** How each kind of node looks and is added; the palette, menus and shortcuts read this. */
export const NODE_KINDS: Record<DialogueNodeKind, KindInfo> = {
  line: { label: 'Line', icon: IconMessage, color: 'blue', key: 'L', hint: 'Something a character says' },
  choice: { label: 'Player choice', icon: IconListDetails, color: 'violet', key: 'C', hint: 'Options the player picks from' },
  branch: { label: 'Condition', icon: IconGitBranch, color: 'orange', key: 'B', hint: 'Goes one way or another on the game state' },
  action: { label: 'Action', icon: IconBolt, color: 'teal', key: 'A', hint: 'Sets variables, moves quests, gives items' },
  jump: { label: 'Jump', icon: IconArrowBearRight, color: 'gray', key: 'J', hint: 'Continues at another node or dialogue' },
  aiLine: { label: 'AI line', icon: IconSparkles, color: 'grape', key: 'I', hint: 'The NPC improvises within an instruction' },
  end: { label: 'End', icon: IconPlayerStopFilled, color: 'red', key: 'E', hint: 'The conversation ends here' },
  section: { label: 'Section', icon: IconBookmark, color: 'indigo', key: 'S', hint: 'A named part that visited() counts once it is left' },
  group: { label: 'Group', icon: IconStack2, color: 'yellow', key: 'G', hint: 'Plays the most fitting of several candidates' },
  detour: { label: 'Detour', icon: IconArrowLoopRight, color: 'cyan', key: 'D', hint: 'Plays another part, then comes back' },
  return: { label: 'Return', icon: IconArrowBackUp, color: 'gray', key: 'R', hint: 'Goes back to where the detour was taken' },
};

export const KIND_ORDER = Object.keys(NODE_KINDS) as DialogueNodeKind[];
