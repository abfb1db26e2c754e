import type { Key, ReactNode } from 'react';
import { AddItemButton } from './AddItemButton';
import { ListItemCard, moveItem } from './ListItemCard';

interface EditableListProps<T> {
  items: readonly T[];
  itemKey(item: T, index: number): Key;
  itemTitle(item: T, index: number): string;
  /** Stores the new list; `field` names the edit for undo coalescing ('order', 'remove', 'add', or `<field>.<index>`). */
  onChange(items: NoInfer<T>[], field: string): void;
  addLabel: string;
  newItem(): NoInfer<T>;
  /** One item's fields; `replace` swaps that item for `next`, tagging the edit `<field>.<index>`. */
  children(item: T, index: number, replace: (next: T, field: string) => void): ReactNode;
}

/** An ordered inspector list (options, branches, actions, variables): a card per item with reorder and remove, then an add button. */
export function EditableList<T>({ items, itemKey, itemTitle, onChange, addLabel, newItem, children }: EditableListProps<T>) {
  return (
    <>
      {items.map((item, i) => (
        <ListItemCard
          key={itemKey(item, i)}
          title={itemTitle(item, i)}
          index={i}
          count={items.length}
          onMove={(to) => onChange(moveItem(items, i, to), 'order')}
          onRemove={() =>
            onChange(
              items.filter((_, j) => j !== i),
              'remove',
            )
          }
        >
          {children(item, i, (next, field) =>
            onChange(
              items.map((x, j) => (j === i ? next : x)),
              `${field}.${i}`,
            ),
          )}
        </ListItemCard>
      ))}
      <AddItemButton onClick={() => onChange([...items, newItem()], 'add')}>{addLabel}</AddItemButton>
    </>
  );
}
