import { bundleText, canonicalJson } from '../../domain/pack';
import type { ExportTarget } from './export-target';
import { runtimeSource } from './runtime-sources';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A page that plays the pack's dialogues in any browser, opened straight from disk: the
 * runtime and the pack are inlined (a module script cannot import files over file://).
 * Beside the conversation it shows the game state, and the player sets the dialogue's
 * variables there (the current node is entered again with them, and Restart keeps them),
 * so every branch can be reached, as in the studio's playthroughs.
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
  #state { margin-top: 1.5rem; padding: .75rem 1rem; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; }
  #state h2 { font-size: 1rem; margin: 0 0 .5rem; } #variables { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
  #variables label { font-family: ui-monospace, monospace; } #variables input:not([type=checkbox]) { width: 8rem; font: inherit; }
  #world { margin: .5rem 0 0; color: #57606a; font-size: .9rem; }
</style>
</head>
<body>
<header><h1>${escapeHtml(name)}</h1><label>Dialogue <select id="dialogue" aria-label="Dialogue"></select></label><button id="restart">Restart</button></header>
<div id="log" aria-live="polite"></div>
<div id="options"></div>
<section id="state" aria-label="Game state"><h2>Game state</h2><div id="variables"></div><p id="world"></p></section>
<script type="application/json" id="pack">${embedded}</script>
<script type="module">
${runtime}
const pack = JSON.parse(document.getElementById('pack').textContent);
const select = document.getElementById('dialogue');
const log = document.getElementById('log');
const options = document.getElementById('options');
const variablesBox = document.getElementById('variables');
const world = document.getElementById('world');
/** Variables the player set: they hold until changed again, also over Restart. */
let chosen = {};
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
function showState() {
  variablesBox.replaceChildren();
  const state = runner.state;
  const declared = pack.dialogues.find((d) => d.id === runner.dialogueId)?.variables ?? [];
  for (const variable of declared) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    const value = state.variables[variable.name];
    input.setAttribute('aria-label', '$' + variable.name);
    if (variable.type === 'bool') { input.type = 'checkbox'; input.checked = value === true; }
    else { input.type = variable.type === 'number' ? 'number' : 'text'; input.value = String(value ?? ''); }
    input.onchange = () => {
      const next = variable.type === 'bool' ? input.checked : variable.type === 'number' ? Number(input.value) : input.value;
      if (variable.type === 'number' && (input.value.trim() === '' || !Number.isFinite(next))) return showState();
      setVariable(variable.name, next);
    };
    label.append('$' + variable.name + ' ', input);
    variablesBox.append(label);
  }
  if (!declared.length) variablesBox.textContent = 'This dialogue declares no variables.';
  const items = Object.entries(state.inventory).map(([id, count]) => count + ' × ' + id).join(', ');
  const quests = Object.entries(state.quests).map(([id, quest]) => id + ' (' + quest.status + ')').join(', ');
  world.textContent = 'Items: ' + (items || 'none') + ' · Quests: ' + (quests || 'none');
}
function setVariable(name, value) {
  chosen = { ...chosen, [name]: value };
  const state = runner.state;
  state.variables[name] = value;
  const step = runner.step;
  // At a line or choice the node is entered again, so its conditions see the new value.
  if (step.type === 'end') return showState();
  runner = createDialogueRunner(pack, runner.dialogueId, { seed: Date.now(), state, startNodeId: step.nodeId });
  show(false);
}
function show(announce = true) {
  options.replaceChildren();
  showState();
  const step = runner.step;
  if (step.type === 'line' || step.type === 'aiLine') {
    if (announce) say('line', step.type === 'line' ? step.text : step.fallbackText, step.speaker);
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
  runner = createDialogueRunner(pack, select.value, { seed: Date.now(), state: { variables: chosen } });
  show();
}
select.onchange = () => { chosen = {}; start(); };
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
