import { bundleText, canonicalJson } from '../../domain/pack';
import type { ExportTarget } from './export-target';
import { runtimeSource } from './runtime-sources';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A page that plays the pack's dialogues in any browser, opened straight from disk: the
 * runtime and the pack are inlined (a module script cannot import files over file://).
 */
function demoPage(packJson: string, name: string): string {
  const runtime = runtimeSource('web/loreweaver-runtime.js');
  const embedded = packJson.replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name)} — Loreweaver dialogue demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  header { display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; }
  #log p { margin: .4rem 0; } .speaker { font-weight: 600; } .player { color: #0969da; } .end { color: #57606a; font-style: italic; }
  #options { display: flex; flex-direction: column; gap: .4rem; margin-top: 1rem; }
  button { font: inherit; padding: .45rem .8rem; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; cursor: pointer; text-align: left; }
  button:disabled { color: #8c959f; cursor: not-allowed; }
</style>
</head>
<body>
<header><h1>${escapeHtml(name)}</h1><label>Dialogue <select id="dialogue" aria-label="Dialogue"></select></label><button id="restart">Restart</button></header>
<div id="log" aria-live="polite"></div>
<div id="options"></div>
<script type="application/json" id="pack">${embedded}</script>
<script type="module">
${runtime}
const pack = JSON.parse(document.getElementById('pack').textContent);
const select = document.getElementById('dialogue');
const log = document.getElementById('log');
const options = document.getElementById('options');
for (const dialogue of pack.dialogues) select.add(new Option(dialogue.name, dialogue.id));
let runner;
const say = (className, text, speaker) => {
  const p = document.createElement('p');
  p.className = className;
  if (speaker) { const s = document.createElement('span'); s.className = 'speaker'; s.textContent = speaker + ': '; p.append(s); }
  p.append(text);
  log.append(p);
};
const button = (label, onClick, disabled = false, title = '') => {
  const b = document.createElement('button');
  b.textContent = label; b.disabled = disabled; b.title = title; b.onclick = onClick;
  options.append(b);
};
function show() {
  options.replaceChildren();
  const step = runner.step;
  if (step.type === 'line' || step.type === 'aiLine') {
    say('line', step.type === 'line' ? step.text : step.fallbackText, step.speaker);
    button('Continue', () => { runner.advance(); show(); });
  } else if (step.type === 'choice') {
    for (const option of step.options) button(option.text, () => { say('player', option.text); runner.choose(option.id); show(); }, !option.available, option.unavailableReason || '');
  } else if (step.reason === 'jump') {
    const state = runner.state;
    runner = createDialogueRunner(pack, step.jump.dialogueId, { seed: Date.now(), state, startNodeId: step.jump.nodeId });
    show();
  } else {
    say('end', step.reason === 'error' ? 'Error: ' + step.message : 'The end' + (step.outcome ? ' (' + step.outcome + ')' : '') + '.');
  }
}
function start() {
  log.replaceChildren();
  runner = createDialogueRunner(pack, select.value, { seed: Date.now() });
  show();
}
select.onchange = start;
document.getElementById('restart').onclick = start;
if (pack.dialogues.length) start(); else say('end', 'This pack has no dialogues.');
</script>
</body>
</html>
`;
}

/** NPC entries shaped as glTF node `extras`, to copy onto the node of each character's model. */
function gltfExtras(input: Parameters<ExportTarget['build']>[0]): string {
  const { pack, meta } = input;
  return canonicalJson({
    nodes: pack.npcs.map((npc) => ({
      name: npc.name,
      extras: {
        loreweaver: {
          packId: meta.packId,
          npcId: npc.id,
          role: npc.role,
          dialogueIds: pack.dialogues.filter((d) => d.npcId === npc.id).map((d) => d.id),
        },
      },
    })),
  });
}

/** The web target: the ES module runtime and its types, the pack in one file, a demo page, glTF extras. */
export const webTarget: ExportTarget = {
  folder: 'web',
  build: (input) => {
    const packJson = bundleText(input.files);
    return [
      { path: 'loreweaver-runtime.js', data: runtimeSource('web/loreweaver-runtime.js') },
      { path: 'loreweaver-runtime.d.ts', data: runtimeSource('web/loreweaver-runtime.d.ts') },
      { path: 'pack.json', data: packJson },
      { path: 'index.html', data: demoPage(packJson, input.meta.name) },
      { path: 'npcs.gltf-extras.json', data: gltfExtras(input) },
    ];
  },
};
