import { InteropError } from './interop-error';
import { sourceLines } from './source-lines';

/** A content line of a node's body: comment-only lines are left out, blank lines mark the line after them. */
export interface BodyLine {
  /** Leading whitespace, a tab counting 4. */
  indent: number;
  /** The line without its indentation. */
  text: string;
  number: number;
  /** A blank line separates this line from the content before it (which ends an option group). */
  afterBlank: boolean;
}

export interface YarnNodeSource {
  title: string;
  /** Header name → value, each without a trailing comment. */
  headers: Map<string, string[]>;
  /** The line of the node's title header. */
  number: number;
  lines: BodyLine[];
}

const TITLE = /^[A-Za-z_][\w.]*$/;

function indentOf(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4;
    else break;
  }
  return width;
}

/** A header's value without a `// comment` after it. */
const headerValue = (value: string) => (value.includes('//') ? value.slice(0, value.indexOf('//')) : value).trim();

/**
 * The nodes of a Yarn script: headers (`title:`, `when:`, …) up to `---`, a body up to
 * `===`. File-level `#hashtags` and comments before a node are skipped. Refuses, naming the
 * line, a node without a valid title or a closing `===`, and header lines that are not
 * `name: value`.
 */
export function yarnNodeSources(source: string): YarnNodeSource[] {
  const nodes: YarnNodeSource[] = [];
  let headers = new Map<string, string[]>();
  let titleLine = 0;
  let body: BodyLine[] | undefined;
  let blank = false;
  sourceLines(source, 'Yarn').forEach((raw, index) => {
    const number = index + 1;
    const trimmed = raw.trim();
    if (body === undefined) {
      if (trimmed === '---') {
        const title = headers.get('title')?.[0];
        if (title === undefined) throw new InteropError(`Line ${number}: a Yarn node needs a title: header before ---`);
        if (!TITLE.test(title)) throw new InteropError(`Line ${titleLine}: "${title.slice(0, 60)}" is not a valid node title (letters, digits, _ and .)`);
        body = [];
        blank = false;
      } else if (trimmed && !trimmed.startsWith('//') && !(trimmed.startsWith('#') && !headers.size)) {
        const header = /^([A-Za-z_][\w.-]*)\s*:(.*)$/.exec(trimmed);
        if (!header) throw new InteropError(`Line ${number}: expected a header (name: value) or ---, found ${trimmed.slice(0, 40)}`);
        if (header[1] === 'title') titleLine = number;
        headers.set(header[1], [...(headers.get(header[1]) ?? []), headerValue(header[2])]);
      }
      return;
    }
    if (trimmed === '===') {
      nodes.push({ title: headers.get('title')![0], headers, number: titleLine, lines: body });
      headers = new Map();
      body = undefined;
      return;
    }
    if (!trimmed) blank = true;
    else if (!trimmed.startsWith('//')) {
      body.push({ indent: indentOf(raw), text: raw.trimStart(), number, afterBlank: blank });
      blank = false;
    }
  });
  if (body !== undefined) throw new InteropError(`Line ${titleLine}: the Yarn node "${headers.get('title')![0]}" has no closing ===`);
  if (!nodes.length) throw new InteropError('The file has no Yarn nodes (title:, ---, ===)');
  return nodes;
}
