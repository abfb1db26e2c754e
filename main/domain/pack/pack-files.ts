import type { z } from 'zod';
import { describeIssues } from '../records/versioned-record';
import { canonicalJson, canonicalJsonOf } from './canonical-json';
import { parseBoundedJson } from './json-depth';
import { PackError } from './pack-error';
import { migratePackSections } from './pack-migration';
import type { PackProblem } from './pack-problem';
import { Pack, PACK_FORMAT, PACK_FORMAT_VERSION, PACK_SECTIONS, PackContent, PackManifest, type PackSection } from './pack-schema';
import { robloxIssues } from './roblox-safe';

/** sha256 of bytes as lowercase hex; the core passes node:crypto's, keeping this module pure. */
export type Sha256 = (bytes: Uint8Array) => string;

export interface PackFile {
  path: string;
  text: string;
}

export interface PackMeta {
  packId: string;
  name: string;
  version: string;
  createdWith: string;
}

export const MANIFEST_FILE = 'manifest.json';
export const sectionFile = (section: PackSection) => `${section}.json`;
const encoder = new TextEncoder();

/** How many items each section holds (strings: every string of every locale), as the manifest lists them. */
export const packContents = (content: PackContent): PackManifest['contents'] =>
  Object.fromEntries(
    PACK_SECTIONS.map((s) => [
      s,
      s === 'strings' ? Object.values(content.strings).reduce((n, table) => n + Object.keys(table).length, 0) : content[s].length,
    ]),
  ) as PackManifest['contents'];

/** The section files of a pack (canonical JSON, no timestamps) and the manifest that hashes them. */
export function writePack(content: PackContent, meta: PackMeta, sha256: Sha256): { pack: Pack; files: PackFile[] } {
  const sections = PACK_SECTIONS.map((section) => ({ path: sectionFile(section), text: canonicalJson(content[section]) }));
  const locales = Object.keys(content.strings).sort();
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    packId: meta.packId,
    name: meta.name,
    version: meta.version,
    createdWith: meta.createdWith,
    defaultLocale: locales[0] ?? 'en',
    locales: locales.length ? locales : ['en'],
    contents: packContents(content),
    files: sections.map(({ path, text }) => {
      const bytes = encoder.encode(text);
      return { path, sha256: sha256(bytes), bytes: bytes.length };
    }),
  };
  return { pack: { ...content, manifest }, files: [{ path: MANIFEST_FILE, text: canonicalJson(manifest) }, ...sections] };
}

/** The one-file form of a pack (`canonicalJson(pack)`), assembled from its files. */
export function bundleText(files: readonly PackFile[]): string {
  return canonicalJsonOf(
    Object.fromEntries(files.map(({ path, text }) => [path === MANIFEST_FILE ? 'manifest' : path.replace(/\.json$/, ''), text])),
  );
}

/** Schema issues as pack problems, each named by its path in the whole pack (`under` is where the checked value sits). */
const schemaProblems = (issues: readonly z.core.$ZodIssue[], under: string[] = []): PackProblem[] =>
  issues.slice(0, 20).map((issue) => ({
    severity: 'error' as const,
    code: 'schema',
    message: `${[...under, ...issue.path.map(String)].join('.') || 'pack'}: ${issue.message}`,
  }));

const robloxProblems = (value: unknown): PackProblem[] =>
  robloxIssues(value).map((issue) => ({ severity: 'error', code: 'roblox_json', message: `${issue.path}: ${issue.message}` }));

/** The pack as the schema parsed it (when it did) and every problem the schema and Roblox's JSON rules found. */
function inspectPack(pack: unknown): { parsed?: Pack; problems: PackProblem[] } {
  const parsed = Pack.safeParse(pack);
  return { parsed: parsed.data, problems: [...schemaProblems(parsed.error?.issues ?? []), ...robloxProblems(pack)] };
}

/** Problems that make a pack unfit to ship, from the schema and from Roblox's JSON rules. */
export const checkPack = (pack: unknown): PackProblem[] => inspectPack(pack).problems;

const ManifestMeta = PackManifest.pick({ packId: true, name: true, version: true, createdWith: true });

/**
 * The same problems for content about to be written, before its files exist: the sections
 * against the schema and Roblox's rules, and the manifest fields that come from `meta`. The
 * rest of the manifest (counts, hashes, sizes) is derived from the content, so this is the
 * whole of validation and the export need not serialize anything to report.
 */
export function checkPackContent(content: unknown, meta: PackMeta): PackProblem[] {
  const parsed = PackContent.safeParse(content);
  const manifest = ManifestMeta.safeParse(meta);
  return [
    ...schemaProblems(parsed.error?.issues ?? []),
    ...schemaProblems(manifest.error?.issues ?? [], ['manifest']),
    ...robloxProblems(content),
  ];
}

/** The format version a manifest declares, when this studio can read it (older ones are migrated on read). */
function checkVersion(manifest: unknown): number {
  const record = (manifest ?? {}) as Record<string, unknown>;
  if (record.format !== PACK_FORMAT)
    throw new PackError('pack_invalid', `The manifest's format is ${JSON.stringify(record.format)}, not "${PACK_FORMAT}".`);
  const version = record.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new PackError(
      'pack_unknown_version',
      `The pack has format version ${JSON.stringify(version)}, which no Loreweaver version wrote.`,
    );
  }
  if (version > PACK_FORMAT_VERSION) {
    throw new PackError(
      'pack_too_new',
      `The pack has format version ${version}; this studio reads up to ${PACK_FORMAT_VERSION}. Update Loreweaver to import it.`,
    );
  }
  return version;
}

/** The manifest, brought to the current format version, and the version the pack was written in. */
function parseManifest(raw: unknown): { manifest: PackManifest; version: number } {
  const version = checkVersion(raw);
  const manifest = PackManifest.safeParse({ ...(raw as object), formatVersion: PACK_FORMAT_VERSION });
  if (!manifest.success) throw new PackError('pack_invalid', `The manifest is not valid: ${describeIssues(manifest.error)}`);
  const paths = new Set(manifest.data.files.map((f) => f.path));
  const missing = PACK_SECTIONS.map(sectionFile).filter((path) => !paths.has(path));
  if (missing.length) throw new PackError('pack_invalid', `The manifest does not list ${missing.join(', ')}.`);
  return { manifest: manifest.data, version };
}

/** Parses a read pack once: the schema's own parse both finds the problems and yields the pack. */
function parseContent(sections: Record<string, unknown>, manifest: PackManifest): Pack {
  const { parsed, problems } = inspectPack({ ...sections, manifest });
  if (!parsed || problems.length)
    throw new PackError(
      'pack_invalid',
      `The pack is not valid: ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}`,
    );
  return parsed;
}

/**
 * Reads a pack from its files (path → text, as found in a folder or zip): the manifest
 * first, its format version, then every section, each checked against its sha256 before
 * it is parsed, then migrated from an older format version, then the whole checked
 * against the schema and Roblox's rules.
 */
export function readPackFiles(files: ReadonlyMap<string, string>, sha256: Sha256): Pack {
  const manifestText = files.get(MANIFEST_FILE);
  if (manifestText === undefined) throw new PackError('pack_invalid', `The pack has no ${MANIFEST_FILE}.`);
  const { manifest, version } = parseManifest(parseBoundedJson(manifestText, MANIFEST_FILE));
  const sections: Record<string, unknown> = {};
  for (const section of PACK_SECTIONS) {
    const path = sectionFile(section);
    const entry = manifest.files.find((f) => f.path === path)!;
    const text = files.get(path);
    if (text === undefined) throw new PackError('pack_invalid', `The pack has no ${path}, which its manifest lists.`);
    const actual = sha256(encoder.encode(text));
    if (actual !== entry.sha256) {
      throw new PackError('pack_hash_mismatch', `${path} does not match the manifest's sha256 (it was changed or damaged after export).`);
    }
    sections[section] = parseBoundedJson(text, path);
  }
  return parseContent(migratePackSections(sections, version), manifest);
}

/** Reads a one-file pack (the web target's pack.json), checking each section against the manifest's hashes. */
export function readPackBundle(text: string, sha256: Sha256): Pack {
  const raw = parseBoundedJson(text, 'The pack') as Record<string, unknown>;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new PackError('pack_invalid', 'The pack is not a JSON object.');
  parseManifest(raw.manifest);
  const files = new Map<string, string>([[MANIFEST_FILE, canonicalJson(raw.manifest)]]);
  for (const section of PACK_SECTIONS) {
    if (raw[section] === undefined) throw new PackError('pack_invalid', `The pack has no "${section}" section.`);
    files.set(sectionFile(section), canonicalJson(raw[section]));
  }
  return readPackFiles(files, sha256);
}
