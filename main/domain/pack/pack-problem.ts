import type { ContentKind } from '../content-kinds';

/**
 * One finding of pack validation, located well enough for the Export page to open the
 * offending item: its kind and id, and inside a dialogue the node and field.
 * Errors block the export; warnings are listed and the pack is still written.
 */
export interface PackProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  itemKind?: ContentKind;
  itemId?: string;
  itemName?: string;
  nodeId?: string;
  field?: string;
}
