import { Avatar, type AvatarProps } from '@mantine/core';
import { useEffect } from 'react';
import { useNpcs } from '../stores/npc-store';

interface NpcAvatarProps extends AvatarProps {
  id: string;
  name: string;
  hasAvatar: boolean;
}

/** An NPC's picture from the list's cache (fetched on first sight), or their initials. */
export function NpcAvatar({ id, name, hasAvatar, ...props }: NpcAvatarProps) {
  const src = useNpcs((s) => s.avatars[id] ?? null);
  useEffect(() => {
    if (hasAvatar)
      void useNpcs
        .getState()
        .loadAvatar(id)
        .catch(() => undefined);
  }, [id, hasAvatar]);
  return <Avatar src={hasAvatar ? src : null} name={name} color="initials" alt="" {...props} />;
}
