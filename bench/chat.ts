import { chromium } from '@playwright/test';
import type { StudioEvent } from '../preload/api';
import { BENCH_MODEL } from '../tests/fixtures/gguf-generator';
import { LINES, median, ms, startBenchStudio, TOKEN } from './studio-client';

const CONTEXT_SIZE = 2048;
const CONVERSATIONS = 2;
const REPLY_TOKENS = 24;
const GROWTH_TARGET = 1.5;
const PAGE_RUNS = 15;
const PAGE_BUDGET_MS = 30;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Milliseconds since the epoch with sub-millisecond precision: the same clock in this process and in the page. */
const wallClock = () => performance.timeOrigin + performance.now();

/**
 * Test chat on the synthetic ~77 MB Q4_0 model, through the studio's full browser-mode
 * path (HTTP call, engine process, `llm:chunk` over the WebSocket):
 * 1. time to first token of each turn of a 20-turn conversation (`conversations:send`,
 *    the persona prompt rebuilt every turn): turn 20 against turn 2;
 * 2. how long the first streamed text of a reply takes from the moment the engine's
 *    chunk reaches the studio until a page in Chromium has it.
 */
export async function run(): Promise<void> {
  const bench = await startBenchStudio('chat');
  const { client, studio, host, threads } = bench;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const project = await client.call('projects:create', { name: 'Bench' });
    await client.call('projects:open', { id: project.id });
    const npc = await client.call('npcs:create', {
      name: 'Marta',
      persona: {
        role: 'innkeeper of the Gilded Goose',
        description: '{{char}} runs the busiest inn on the north road: warm, shrewd, and quick to size up a stranger.',
        personality: 'Talkative, practical, protective of her regulars.',
        scenario: '{{user}} arrives at the inn on a stormy evening.',
        firstMessage: 'Shut the door, love, you are letting the rain in.',
      },
    });
    await client.call('llm:load', { modelId: 'bench.gguf', contextSize: CONTEXT_SIZE });

    let requests = 0;
    /** One turn as the page sees it: from the call leaving to the first chunk arriving over the WebSocket. */
    const turn = async (id: string, text: string) => {
      const requestId = `chat-bench-${++requests}`;
      let firstAt = 0;
      const stop = client.listen(requestId, () => (firstAt ||= performance.now()));
      const started = performance.now();
      const result = await client.call('conversations:send', { id, text, requestId, maxTokens: REPLY_TOKENS });
      stop();
      return {
        firstTextMs: firstAt - started,
        firstTokenMs: result.promptMs ?? Number.NaN,
        evaluated: result.evaluatedTokens ?? 0,
        context: result.contextTokens ?? 0,
      };
    };

    const warmUp = await client.call('conversations:start', { npcId: npc.id });
    await turn(warmUp.id, 'Warm up.');
    const conversations: Awaited<ReturnType<typeof turn>>[][] = [];
    for (let run = 0; run < CONVERSATIONS; run++) {
      const { id } = await client.call('conversations:start', { npcId: npc.id });
      const turns = [];
      for (const line of LINES) turns.push(await turn(id, line));
      conversations.push(turns);
    }

    // The page: a tab on the studio's origin with its own event connection, stamping each chunk as it arrives.
    const page = await browser.newPage();
    await page.goto(`${host.url}/api/health`);
    await page.evaluate(
      ({ token }) =>
        new Promise<void>((resolve) => {
          const arrivals: Record<string, number> = {};
          Object.assign(window, { arrivals });
          const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/events?token=${token}`);
          socket.onmessage = (message) => {
            const event = JSON.parse(message.data as string) as { name: string; payload: { requestId: string } };
            if (event.name === 'llm:chunk') arrivals[event.payload.requestId] ??= performance.timeOrigin + performance.now();
          };
          socket.onopen = () => resolve();
        }),
      { token: TOKEN },
    );
    // The page's clock and this process's may differ by milliseconds: measure the offset over the fastest round trip.
    let offset = 0;
    let fastest = Infinity;
    for (let probe = 0; probe < 20; probe++) {
      const sent = wallClock();
      const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
      const back = wallClock();
      if (back - sent < fastest) {
        fastest = back - sent;
        offset = pageNow - (sent + back) / 2;
      }
    }
    const emitted: Record<string, number> = {};
    const unsubscribe = studio.events.subscribe((event: StudioEvent) => {
      if (event.name === 'llm:chunk') emitted[(event.payload as { requestId: string }).requestId] ??= wallClock();
    });
    const { id: pageChat } = await client.call('conversations:start', { npcId: npc.id });
    const pageIds: string[] = [];
    for (let run = 0; run < PAGE_RUNS; run++) {
      const requestId = `page-bench-${run}`;
      pageIds.push(requestId);
      await client.call('conversations:send', { id: pageChat, text: LINES[run % LINES.length], requestId, maxTokens: 4 });
    }
    unsubscribe();
    const arrivals = (await page.evaluate(() => (window as unknown as { arrivals: Record<string, number> }).arrivals)) as Record<
      string,
      number
    >;
    const delays = pageIds.map((id) => arrivals[id] - offset - emitted[id]).filter(Number.isFinite);

    const of = <T>(values: T[], pick: (value: T) => number) => median(values.map(pick));
    console.log(`chat benchmark (${threads} threads, ${BENCH_MODEL.embeddingLength}-wide synthetic Q4_0 model, context ${CONTEXT_SIZE})`);
    console.log(`  ${CONVERSATIONS} conversations of ${LINES.length} turns, ${REPLY_TOKENS}-token replies (medians per turn):`);
    for (const index of [0, 1, 4, 9, 14, LINES.length - 1]) {
      const first = of(conversations, (turns) => turns[index].firstTokenMs);
      const text = of(conversations, (turns) => turns[index].firstTextMs);
      const evaluated = of(conversations, (turns) => turns[index].evaluated);
      console.log(
        `    turn ${String(index + 1).padEnd(3)} first token ${ms(first)}, first text at the client ${ms(text)}: ` +
          `evaluated ${evaluated} new tokens, context then ${of(conversations, (turns) => turns[index].context)}`,
      );
    }
    const last = LINES.length - 1;
    const growth = of(conversations, (turns) => turns[last].firstTokenMs / turns[1].firstTokenMs);
    console.log(`  ratio first token turn ${LINES.length} / turn 2: ${growth.toFixed(2)} (target ≤ ${GROWTH_TARGET})`);
    const textGrowth = of(conversations, (turns) => turns[last].firstTextMs / turns[1].firstTextMs);
    console.log(
      `  ratio first text turn ${LINES.length} / turn 2: ${textGrowth.toFixed(2)} (text can trail the first token: ` +
        'the engine holds back text that may start a stop sequence, and the random model writes such text often)',
    );
    const delay = median(delays);
    const worst = Math.max(...delays);
    console.log(
      `  first chunk, studio to page (${delays.length} replies, clocks aligned to ±${(fastest / 2).toFixed(1)} ms): ` +
        `median ${delay.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
    );
    console.log(
      `  ratio median page delay / ${PAGE_BUDGET_MS} ms budget: ${(delay / PAGE_BUDGET_MS).toFixed(2)} (worst ${(worst / PAGE_BUDGET_MS).toFixed(2)})`,
    );
  } finally {
    await browser.close();
    await bench.close();
  }
}
