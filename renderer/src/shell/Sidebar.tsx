import { Badge, Divider, NavLink, ScrollArea, Stack } from '@mantine/core';
import { SECTIONS } from '../app/sections';
import { keyLabel } from '../app/shortcuts';
import { useSession } from '../stores/session-store';

/** Sections of the studio, with item counts for the ones that hold project content. */
export function Sidebar() {
  const current = useSession((s) => s.section);
  const setSection = useSession((s) => s.setSection);
  const counts = useSession((s) => s.project?.counts ?? {});

  return (
    <ScrollArea h="100%" p="xs">
      <nav aria-label="Sections">
        <Stack gap={2}>
          {SECTIONS.map((section, index) => (
            <div key={section.id}>
              {section.id === 'testchat' && <Divider my={6} />}
              <NavLink
                component="button"
                label={section.label}
                title={`${section.label} (${keyLabel(`alt+${index + 1}`)})`}
                leftSection={<section.icon size={18} stroke={1.6} />}
                rightSection={
                  section.kind && counts[section.kind] ? (
                    <Badge size="sm" variant="light" color="gray" circle={counts[section.kind] < 10}>
                      {counts[section.kind]}
                    </Badge>
                  ) : null
                }
                active={current === section.id}
                onClick={() => setSection(section.id)}
                aria-current={current === section.id ? 'page' : undefined}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            </div>
          ))}
        </Stack>
      </nav>
    </ScrollArea>
  );
}
