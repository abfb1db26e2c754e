import type { Database, Statement } from 'better-sqlite3';
import type { DialogueChange, DialogueDocument, DialogueSummary } from '../../../preload/contract/dialogues';
import { DIALOGUE_LIMITS, DIALOGUE_SCHEMA_VERSION, loadDialogue, newNode, type Dialogue, type DialogueNode } from '../../domain/dialogue';
import { escapeVersion1Nodes } from '../../domain/dialogue/version-1-text';
import { RecordError } from '../../domain/records/versioned-record';
import { AppError } from '../app-error';
import type { ContentStore, ItemRow } from '../content/content-store';
import { applyPatch, headerOf, invert, mergeHeader, type DialogueHeader, type DialoguePatch, type HeaderPatch } from './dialogue-patch';
import { nodeSearchText } from './node-search-text';

/** What a dialogue revision records: the change and the change that undoes it. */
interface PatchRevision {
  patch: DialoguePatch;
  inverse: DialoguePatch | null;
  /** The dialogue format the patches' nodes are written in; absent for revisions written in format 1. */
  format?: number;
}

/** A stored revision's undoing patch, its nodes read in the current format (format-1 texts escaped). */
function inverseOf(stored: Partial<PatchRevision>): DialoguePatch | null | undefined {
  if (!stored.inverse || stored.format !== undefined) return stored.inverse;
  const byId = Object.fromEntries(stored.inverse.upsertNodes.map((node) => [node.id, node]));
  return { ...stored.inverse, upsertNodes: Object.values(escapeVersion1Nodes(byId) as Record<string, DialogueNode>) };
}

const FORMAT = { format: DIALOGUE_SCHEMA_VERSION } as const;

interface NodeRow {
  node_id: string;
  data: string;
  search_rowid: number | null;
}

/**
 * Dialogues of the open project, stored node by node: the item row holds the header
 * (variables, start node, NPC, notes), `dialogue_nodes` one row per node, and each save
 * writes only the nodes it changes, with a revision holding the change and its inverse.
 * Every write begins IMMEDIATE, taking SQLite's write lock before it reads: a worker thread
 * may write the same file through its own connection (pack import), and a read-then-write
 * transaction that another connection committed under would fail instead of waiting.
 */
export class DialogueStore {
  private readonly selectNodes: Statement<[string], NodeRow>;
  private readonly selectNode: Statement<[string, string], NodeRow>;
  private readonly upsertNode: Statement<[string, string, string, number]>;
  private readonly deleteNode: Statement<[string, string]>;
  private readonly insertSearch: Statement<[string, string, string]>;
  private readonly deleteSearch: Statement<[number]>;

  constructor(
    private readonly db: Database,
    private readonly content: ContentStore,
  ) {
    this.selectNodes = db.prepare('SELECT node_id, data, search_rowid FROM dialogue_nodes WHERE dialogue_id = ?');
    this.selectNode = db.prepare('SELECT node_id, data, search_rowid FROM dialogue_nodes WHERE dialogue_id = ? AND node_id = ?');
    this.upsertNode = db.prepare(
      `INSERT INTO dialogue_nodes (dialogue_id, node_id, data, search_rowid) VALUES (?, ?, ?, ?)
       ON CONFLICT (dialogue_id, node_id) DO UPDATE SET data = excluded.data, search_rowid = excluded.search_rowid`,
    );
    this.deleteNode = db.prepare('DELETE FROM dialogue_nodes WHERE dialogue_id = ? AND node_id = ?');
    this.insertSearch = db.prepare('INSERT INTO dialogue_search (dialogue_id, node_id, body) VALUES (?, ?, ?)');
    this.deleteSearch = db.prepare('DELETE FROM dialogue_search WHERE rowid = ?');
  }

  list(npcId?: string): DialogueSummary[] {
    const rows = this.db
      .prepare(
        `SELECT i.id, i.name, json_extract(i.data, '$.npcId') AS npcId, i.revision, i.updated_at AS updatedAt,
                (SELECT count(*) FROM dialogue_nodes n WHERE n.dialogue_id = i.id) AS nodeCount
         FROM items i WHERE i.kind = 'dialogue' AND i.deleted_at IS NULL
         ORDER BY i.name COLLATE NOCASE, i.id`,
      )
      .all() as (Omit<DialogueSummary, 'npcId'> & { npcId: string | null })[];
    return npcId === undefined ? rows : rows.filter((r) => r.npcId === npcId);
  }

  create(name: string, npcId?: string): DialogueDocument {
    const start = { ...newNode('line', 'start', { x: 0, y: 0 }), next: 'end' } as DialogueNode;
    const end = newNode('end', 'end', { x: 0, y: 200 });
    const header: DialogueHeader = {
      schemaVersion: DIALOGUE_SCHEMA_VERSION,
      variables: [],
      startNodeId: 'start',
      ...(npcId ? { npcId } : {}),
    };
    const patch: DialoguePatch = { header, upsertNodes: [start, end], deleteNodeIds: [] };
    const id = this.db
      .transaction(() => {
        const item = this.content.create('dialogue', name, header, { patch, inverse: null, ...FORMAT } satisfies PatchRevision);
        for (const node of patch.upsertNodes) this.writeNode(item.id, node);
        return item.id;
      })
      .immediate();
    return this.get(id);
  }

  get(id: string): DialogueDocument {
    const row = this.liveRow(id);
    return { id, revision: row.revision, updatedAt: row.updated_at, dialogue: this.assemble(row) };
  }

  save(change: DialogueChange, op: 'save' | 'restore' = 'save'): { id: string; revision: number; updatedAt: string } {
    const { id, baseRevision, name, upsertNodes = [], deleteNodeIds = [] } = change;
    const ids = new Set(upsertNodes.map((n) => n.id));
    if (ids.size !== upsertNodes.length) throw new AppError('invalid_input', 'A save lists the same node twice.');
    if (deleteNodeIds.some((n) => ids.has(n))) throw new AppError('invalid_input', 'A save both changes and deletes the same node.');

    const item = this.db
      .transaction(() => {
        const row = this.liveRow(id);
        if (row.revision !== baseRevision) {
          throw new AppError(
            'conflict',
            `This dialogue changed since you opened it (revision ${row.revision}, yours ${baseRevision}). Reload it to see the newer version.`,
          );
        }
        const header = this.header(row);
        const patch: DialoguePatch = {
          ...(name !== undefined ? { name } : {}),
          header: headerChange(change),
          upsertNodes,
          deleteNodeIds,
        };
        const before = this.nodesBefore(id, [...ids, ...deleteNodeIds]);
        const inverse = invert(
          patch,
          row.name,
          header,
          new Map([...before].map(([key, node]) => [key, JSON.parse(node.data) as DialogueNode])),
        );
        const nextHeader = mergeHeader(header, patch.header);
        const growth = upsertNodes.filter((n) => !before.has(n.id)).length - deleteNodeIds.filter((n) => before.has(n)).length;
        if (growth > 0 && this.nodeCount(id) + growth > DIALOGUE_LIMITS.maxNodes) {
          throw new AppError('invalid_input', `A dialogue holds at most ${DIALOGUE_LIMITS.maxNodes} nodes.`);
        }
        for (const node of upsertNodes) this.writeNode(id, node, before.get(node.id)?.search_rowid ?? null);
        for (const nodeId of deleteNodeIds) this.removeNode(id, nodeId, before.get(nodeId)?.search_rowid ?? null);
        const textChanged = name !== undefined || change.notes !== undefined;
        return this.content.writeItem(id, () => ({
          op,
          name: name ?? row.name,
          data: nextHeader,
          deleted: false,
          revisionData: { patch, inverse, ...FORMAT } satisfies PatchRevision,
          reindex: textChanged,
        }));
      })
      .immediate();
    return { id, revision: item.revision, updatedAt: item.updatedAt };
  }

  /** Creates a dialogue from a whole record, keeping its id (pack import) or with a new one. */
  createFrom(dialogue: Dialogue, id?: string): DialogueDocument {
    const header = headerOf(dialogue);
    const nodes = Object.values(dialogue.nodes);
    const itemId = this.db
      .transaction(() => {
        const patch: DialoguePatch = { header, upsertNodes: nodes, deleteNodeIds: [] };
        const item = this.content.create(
          'dialogue',
          dialogue.name,
          header,
          { patch, inverse: null, ...FORMAT } satisfies PatchRevision,
          id,
        );
        for (const node of nodes) this.writeNode(item.id, node);
        return item.id;
      })
      .immediate();
    return this.get(itemId);
  }

  duplicate(id: string, name?: string): DialogueDocument {
    const source = this.get(id).dialogue;
    const header = headerOf(source);
    const nodes = Object.values(source.nodes);
    const copyId = this.db
      .transaction(() => {
        const patch: DialoguePatch = { header, upsertNodes: nodes, deleteNodeIds: [] };
        const item = this.content.create('dialogue', name ?? `${source.name} copy`, header, {
          patch,
          inverse: null,
          ...FORMAT,
        } satisfies PatchRevision);
        for (const node of nodes) this.writeNode(item.id, node);
        return item.id;
      })
      .immediate();
    return this.get(copyId);
  }

  delete(id: string): void {
    this.db
      .transaction(() => {
        this.liveRow(id);
        for (const node of this.selectNodes.all(id)) if (node.search_rowid !== null) this.deleteSearch.run(node.search_rowid);
        this.db.prepare('UPDATE dialogue_nodes SET search_rowid = NULL WHERE dialogue_id = ?').run(id);
        this.content.delete(id);
      })
      .immediate();
  }

  /** Makes revision `revision` current again by undoing every later change, as one new revision. */
  restore(id: string, revision: number): DialogueDocument {
    const current = this.get(id);
    if (revision >= current.revision) throw new AppError('invalid_input', `Revision ${revision} is not earlier than the current one.`);
    let state = current.dialogue;
    for (let r = current.revision; r > revision; r--) {
      const inverse = inverseOf(JSON.parse(this.content.revisionRow(id, r).data) as Partial<PatchRevision>);
      if (!inverse) throw new AppError('invalid_input', `Revision ${revision} is older than the dialogue graph and cannot be restored.`);
      state = applyPatch(state, inverse);
    }
    const target = state;
    const live = current.dialogue.nodes;
    const upsertNodes = Object.values(target.nodes).filter((n) => JSON.stringify(n) !== JSON.stringify(live[n.id]));
    const deleteNodeIds = Object.keys(live).filter((n) => !(n in target.nodes));
    const header = headerOf(target);
    this.save(
      {
        id,
        baseRevision: current.revision,
        name: target.name,
        npcId: header.npcId ?? null,
        notes: header.notes ?? '',
        variables: header.variables,
        enums: header.enums ?? [],
        saliency: header.saliency ?? 'best',
        startNodeId: header.startNodeId,
        upsertNodes,
        deleteNodeIds,
      },
      'restore',
    );
    return this.get(id);
  }

  /** Node texts that match, best first, at most one per dialogue. */
  searchNodes(query: string, limit: number): { id: string; nodeId: string; name: string; snippet: string }[] {
    return this.db
      .prepare(
        `SELECT s.dialogue_id AS id, s.node_id AS nodeId, i.name, snippet(dialogue_search, 2, '«', '»', '…', 12) AS snippet
         FROM dialogue_search s JOIN items i ON i.id = s.dialogue_id
         WHERE dialogue_search MATCH ? AND i.deleted_at IS NULL ORDER BY s.rank LIMIT ?`,
      )
      .all(query, limit * 4)
      .filter((hit, index, all) => all.findIndex((h) => (h as { id: string }).id === (hit as { id: string }).id) === index)
      .slice(0, limit) as { id: string; nodeId: string; name: string; snippet: string }[];
  }

  nodeCount(id: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM dialogue_nodes WHERE dialogue_id = ?').get(id) as { n: number }).n;
  }

  private liveRow(id: string): ItemRow {
    const row = this.content.row(id);
    if (row.kind !== 'dialogue') throw new AppError('invalid_input', `Item ${id} is not a dialogue.`);
    if (row.deleted_at) throw new AppError('not_found', `Dialogue ${id} was deleted.`);
    return row;
  }

  private header(row: ItemRow): DialogueHeader {
    return headerOf(this.assembleFrom(row, []));
  }

  private assemble(row: ItemRow): Dialogue {
    return this.assembleFrom(row, this.selectNodes.all(row.id));
  }

  /** Nodes are trusted as saved (each was checked by its schema when written); older headers migrate. */
  private assembleFrom(row: ItemRow, nodes: NodeRow[]): Dialogue {
    const header = JSON.parse(row.data) as Record<string, unknown>;
    const identity = { id: row.id, name: row.name };
    if (header.schemaVersion !== DIALOGUE_SCHEMA_VERSION) {
      try {
        return loadDialogue(header, identity);
      } catch (error) {
        if (error instanceof RecordError) {
          throw new AppError(error.code === 'record_too_new' ? 'project_too_new' : 'project_corrupt', error.message);
        }
        throw error;
      }
    }
    const byId: Record<string, DialogueNode> = {};
    for (const node of nodes) byId[node.node_id] = JSON.parse(node.data) as DialogueNode;
    return { ...(header as Omit<Dialogue, 'id' | 'name' | 'nodes'>), id: row.id, name: row.name, nodes: byId };
  }

  private nodesBefore(id: string, nodeIds: string[]): Map<string, NodeRow> {
    const found = new Map<string, NodeRow>();
    for (const nodeId of nodeIds) {
      const row = this.selectNode.get(id, nodeId);
      if (row) found.set(nodeId, row);
    }
    return found;
  }

  private writeNode(dialogueId: string, node: DialogueNode, oldSearchRowid: number | null = null): void {
    if (oldSearchRowid !== null) this.deleteSearch.run(oldSearchRowid);
    const text = nodeSearchText(node);
    const rowid = text ? Number(this.insertSearch.run(dialogueId, node.id, text).lastInsertRowid) : null;
    this.upsertNode.run(dialogueId, node.id, JSON.stringify(node), rowid as number);
  }

  private removeNode(dialogueId: string, nodeId: string, searchRowid: number | null): void {
    if (searchRowid !== null) this.deleteSearch.run(searchRowid);
    this.deleteNode.run(dialogueId, nodeId);
  }
}

function headerChange(change: DialogueChange): HeaderPatch {
  const header: HeaderPatch = {};
  if (change.variables !== undefined) header.variables = change.variables;
  if (change.enums !== undefined) header.enums = change.enums.length ? change.enums : null;
  if (change.saliency !== undefined) header.saliency = change.saliency === 'best' ? null : change.saliency;
  if (change.startNodeId !== undefined) header.startNodeId = change.startNodeId;
  if (change.notes !== undefined) header.notes = change.notes || null;
  if (change.npcId !== undefined) header.npcId = change.npcId;
  return header;
}
