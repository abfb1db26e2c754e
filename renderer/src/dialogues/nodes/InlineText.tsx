import { useRef, useState, type KeyboardEvent } from 'react';
import classes from './nodes.module.css';

interface InlineTextProps {
  value: string;
  placeholder: string;
  label: string;
  /** Opened from outside (Enter on the selected node). */
  open?: boolean;
  onOpenChange?(open: boolean): void;
  onCommit(value: string): void;
  multiline?: boolean;
}

/**
 * Text on a node that turns into a field on double-click: Enter (Ctrl/Cmd+Enter when
 * multiline) or leaving the field commits it as one edit, Escape drops it.
 */
/** Focus goes back to the node, which ends editing (blur) and keeps the canvas shortcuts at hand. */
function leave(field: HTMLTextAreaElement) {
  const owner = field.closest<HTMLElement>('.react-flow__node');
  if (owner) owner.focus();
  else field.blur();
}

export function InlineText({ value, placeholder, label, open: openFromOutside, onOpenChange, onCommit, multiline }: InlineTextProps) {
  const [openHere, setOpenHere] = useState(false);
  const cancelled = useRef(false);
  const open = openHere || Boolean(openFromOutside);
  const close = () => {
    setOpenHere(false);
    onOpenChange?.(false);
  };

  if (!open) {
    return (
      <div
        className={classes.text}
        data-empty={!value || undefined}
        onDoubleClick={(e) => {
          e.stopPropagation();
          cancelled.current = false;
          setOpenHere(true);
        }}
        title="Double-click to edit"
      >
        {value || placeholder}
      </div>
    );
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      cancelled.current = true;
      leave(e.currentTarget);
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey) && !e.shiftKey) {
      e.preventDefault();
      leave(e.currentTarget);
    }
  };

  return (
    <textarea
      className={`${classes.editor} nodrag nowheel nopan`}
      aria-label={label}
      defaultValue={value}
      // The field exists only while editing, so taking focus on mount is what the creator asked for.
      autoFocus
      rows={multiline ? 3 : 1}
      onFocus={(e) => e.currentTarget.select()}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        const next = e.currentTarget.value;
        close();
        if (!cancelled.current && next !== value) onCommit(next);
        cancelled.current = false;
      }}
    />
  );
}
