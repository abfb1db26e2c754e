import { ActionIcon, Box, Tooltip } from '@mantine/core';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import classes from '../sections/ContentSection.module.css';
import { useLayout } from '../shell/layout-store';

/**
 * The button that folds a section's item list to a rail and opens it again, at the foot of
 * the list pane. Every section's list folds together, as the section sidebar does, and
 * stays folded across sections and sessions.
 */
export function ListPaneFold() {
  const folded = useLayout((s) => s.listsCollapsed);
  const label = folded ? 'Show the list' : 'Fold the list away';
  return (
    <Box className={classes.listFold}>
      <Tooltip label={label} position="right">
        <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={useLayout.getState().toggleLists}>
          {folded ? <IconLayoutSidebarLeftExpand size={18} /> : <IconLayoutSidebarLeftCollapse size={18} />}
        </ActionIcon>
      </Tooltip>
    </Box>
  );
}
