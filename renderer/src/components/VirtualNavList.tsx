import { ScrollArea } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

interface VirtualNavListProps<T extends { id: string }> {
  /** The list's accessible name, e.g. "Quests list". */
  label: string;
  items: readonly T[];
  /** A row's usual height in pixels; rows are measured once drawn. */
  rowHeight: number;
  renderRow(item: T): ReactNode;
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
  renderRow,
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
        {rows.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={rows.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
          >
            {renderRow(items[row.index])}
          </div>
        ))}
      </nav>
      {children}
    </ScrollArea>
  );
}
