import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type Key, type ReactNode } from 'react';

interface VirtualRowsProps {
  count: number;
  /** A row's stable key, so a measured height stays with its row when rows before it come and go. */
  rowKey(position: number): Key;
  /** A row's usual height in pixels; each row is measured once drawn, so rows may grow (an opened entry). */
  estimateSize: number;
  /** Space between rows, in pixels. */
  gap: number;
  row(position: number): ReactNode;
  /** A position to bring into view (a row just added). */
  scrollTo?: number;
}

/** The nearest ancestor that scrolls: the pane the rows sit in, with whatever is above them. */
function scrollParent(element: HTMLElement | null): HTMLElement | null {
  for (let node = element?.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : null;
}

/**
 * Rows of any height inside the pane that already scrolls, drawing only those in view and
 * a few around them: a list of ten thousand opens and edits as fast as a list of ten, and
 * the pane keeps one scroll bar for the rows and what is above them.
 */
export function VirtualRows({ count, rowKey, estimateSize, gap, row, scrollTo }: VirtualRowsProps) {
  const list = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [offset, setOffset] = useState(0);
  // Where the rows start in the pane's content, measured again when the rows change (what is above them may have too).
  useLayoutEffect(() => {
    const pane = scrollParent(list.current);
    if (pane !== scroller) setScroller(pane);
    if (!pane || !list.current) return;
    const top = Math.round(list.current.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop);
    if (top !== offset) setOffset(top);
  }, [scroller, offset, count]);
  // The virtualizer re-renders this component itself when the pane scrolls; nothing here is memoized by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count,
    getScrollElement: () => scroller,
    estimateSize: () => estimateSize,
    gap,
    overscan: 6,
    scrollMargin: offset,
    getItemKey: rowKey,
  });
  useEffect(() => {
    if (scrollTo !== undefined && scrollTo >= 0) rows.scrollToIndex(scrollTo, { align: 'auto' });
  }, [rows, scrollTo]);

  return (
    <div ref={list} style={{ position: 'relative', height: rows.getTotalSize() }}>
      {rows.getVirtualItems().map((item) => (
        <div
          key={item.key}
          data-index={item.index}
          ref={rows.measureElement}
          style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start - offset}px)` }}
        >
          {row(item.index)}
        </div>
      ))}
    </div>
  );
}
