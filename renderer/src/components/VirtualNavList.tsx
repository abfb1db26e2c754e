import { NavLink, ScrollArea } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

export interface ListRow {
  label: ReactNode;
  description?: ReactNode;
  leftSection?: ReactNode;
  rightSection?: ReactNode;
}

interface VirtualNavListProps<T extends { id: string }> {
  /** The list's accessible name, e.g. "Quests list". */
  label: string;
  items: readonly T[];
  /** A row's usual height in pixels; rows are measured once drawn. */
  rowHeight: number;
  /** What a row shows; every row is drawn alike and selects its item. */
  row(item: T): ListRow;
  onSelect(id: string): void;
  /** The id of the selected row, which is scrolled into view when it changes. */
  selected?: string;
  /** Shown under the rows, e.g. why none match a filter. */
  children?: ReactNode;
}

/**
 * A section's list of items, drawing only the rows in view (and a few around them): a
 * project with thousands of quests or NPCs opens its list as fast as one with ten.
 */
export function VirtualNavList<T extends { id: string }>({
  label,
  items,
  rowHeight,
  row,
  onSelect,
  selected,
  children,
}: VirtualNavListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself when the view scrolls; nothing here is memoized by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: items.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => items[index].id,
    overscan: 8,
  });
  const selectedIndex = selected === undefined ? -1 : items.findIndex((item) => item.id === selected);
  useEffect(() => {
    if (selectedIndex >= 0) rows.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [rows, selectedIndex]);

  return (
    <ScrollArea flex={1} px="xs" viewportRef={viewport}>
      <nav aria-label={label} style={{ position: 'relative', height: rows.getTotalSize() }}>
        {rows.getVirtualItems().map((virtual) => {
          const item = items[virtual.index];
          return (
            <div
              key={virtual.key}
              data-index={virtual.index}
              ref={rows.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${virtual.start}px)` }}
            >
              <Row {...row(item)} active={item.id === selected} onSelect={() => onSelect(item.id)} />
            </div>
          );
        })}
      </nav>
      {children}
    </ScrollArea>
  );
}

/**
 * One item of the list. A div with the button role rather than a button, since a row may
 * hold its own menu button; Enter and Space select it as they would a button.
 */
function Row({ label, description, leftSection, rightSection, active, onSelect }: ListRow & { active: boolean; onSelect(): void }) {
  return (
    <NavLink
      component="div"
      role="button"
      tabIndex={0}
      label={label}
      description={description}
      leftSection={leftSection}
      rightSection={rightSection}
      active={active}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
        e.preventDefault();
        onSelect();
      }}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    />
  );
}
