import type { ContentItem } from '../../../preload/api';
import type { DocumentKind } from '../documents/document-session';

/** A content item as its editor changes it: the name and the kind's data. */
export interface ContentDraft<D> {
  name: string;
  data: D;
}

type ContentSave = { id: string; name: string; data: Record<string, unknown>; baseRevision: number };

const stored = (item: ContentItem) => ({ revision: item.revision, updatedAt: item.updatedAt });

/**
 * Stories, poems and scripts are saved whole (`content:save`: name and data); `open` brings
 * stored data up to the kind's current shape. A blank name keeps the stored one.
 */
export const contentDocumentKind = <D extends Record<string, unknown>>(
  id: string,
  open: (raw: unknown) => D,
): DocumentKind<ContentDraft<D>, ContentSave> => ({
  load: async (api) => {
    const item = await api.call('content:get', { id });
    return { value: { name: item.name, data: open(item.data) }, ...stored(item) };
  },
  request: (draft, saved, baseRevision) => ({
    input: { id, name: draft.name.trim() || saved.name, data: draft.data, baseRevision },
    stored: draft,
  }),
  send: async (api, input) => stored(await api.call('content:save', input)),
  // The server checks a kind's data with its own rules, so its message (shown whole) is where the reason is.
  locate: () => [],
});
