import { ActionIcon, Avatar, FileButton, Stack, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import type { Avatar as AvatarValue } from '../../../main/domain/npc';
import { avatarFromFile } from './avatar-image';
import { avatarUrl } from './npc-fields';

interface AvatarFieldProps {
  name: string;
  avatar: AvatarValue | null;
  onChange(avatar: AvatarValue | null): void;
}

/** The NPC's portrait: pick an image to replace it, or remove it. */
export function AvatarField({ name, avatar, onChange }: AvatarFieldProps) {
  const src = avatarUrl(avatar);
  const pick = async (file: File | null) => {
    if (!file) return;
    try {
      onChange({ kind: 'dataUrl', dataUrl: await avatarFromFile(file) });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not use that picture', message: (error as Error).message });
    }
  };

  return (
    <Stack gap={4} align="center">
      <Avatar src={src} name={name} color="initials" size={96} radius="lg" alt={`Avatar of ${name}`} />
      <Stack gap={0} style={{ flexDirection: 'row' }}>
        <FileButton onChange={(file) => void pick(file)} accept="image/png,image/jpeg,image/webp,image/gif">
          {(props) => (
            <Tooltip label="Upload a picture">
              <ActionIcon variant="subtle" color="gray" aria-label="Upload avatar" {...props}>
                <IconPhotoUp size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </FileButton>
        {src && (
          <Tooltip label="Remove the picture">
            <ActionIcon variant="subtle" color="gray" aria-label="Remove avatar" onClick={() => onChange(null)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Stack>
    </Stack>
  );
}
