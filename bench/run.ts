/**
 * `npm run bench -- <name>`: runs one benchmark from bench/ and prints its figures as
 * ratios against the targets named in the issues. Not part of `npm test`.
 */
const BENCHES: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  startup: () => import('./startup'),
  dialogue: () => import('./dialogue'),
  'dialogue-storage': () => import('./dialogue-storage'),
  graph: () => import('./graph'),
  typing: () => import('./typing'),
  llm: () => import('./llm'),
  export: () => import('./export'),
  chat: () => import('./chat'),
  quests: () => import('./quests'),
  scale: () => import('./scale'),
  'engine-memory': () => import('./engine-memory'),
  hostile: () => import('./hostile'),
};

const benchName = process.argv[2];
const load = benchName ? BENCHES[benchName] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}>`);
  process.exit(2);
}
await (await load()).run();

export {};
