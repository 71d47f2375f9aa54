#!/usr/bin/env node
// TUI benchmark: a 100,000-message replay rendered by the real Ink app into an in-memory
// 120x40 terminal. Prints frame render times and key-to-screen latency, paused and playing at
// full speed. Run with `npm run bench:tui` (it builds first). Figures, not assertions.
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

// Ink draws no live frames under CI; this benchmark is about live frames.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// As the CLI does (src/cli/commands/open.ts): React's production build.
process.env.NODE_ENV ??= 'production';
// Colour as on a terminal, whatever stdout is here: styled text costs Ink more to draw.
if (process.env.NO_COLOR === undefined) process.env.FORCE_COLOR ??= '1';

const messages = Number(process.env.BENCH_MESSAGES ?? 100_000);
const columns = 120;
const rows = 40;

const { loadScenarioText } = await import('../dist/scenario/load-scenario.js');
const { RunSession } = await import('../dist/run/session.js');
const { TuiController } = await import('../dist/ui/controller/controller.js');
const { App } = await import('../dist/ui/app.js');
const { render } = await import('ink');
const { createElement } = await import('react');

/** The story scenario with a generator that submits `messages` messages over its 4 hours. */
function bigScenario() {
  const story = readFileSync(new URL('../scenarios/bigpond/03-smarthost-workaround.yaml', import.meta.url), 'utf8');
  const traffic = `traffic:
  generate:
    rate: ${Math.ceil(messages / 3.9)}/h
    profile: constant
    domains: 2000
    recipients: 1-3
    count: ${messages}
    from: [reception@example.com.au, accounts@example.com.au, sales@example.com.au, director@example.com.au]
`;
  const text = story.replace(/^traffic:[\s\S]*?(?=^expect:)/m, traffic).replace(/^expect:[\s\S]*$/m, '');
  const dir = mkdtempSync(join(tmpdir(), 'egress-sim-bench-'));
  const file = join(dir, 'bench-100k.yaml');
  writeFileSync(file, text);
  return file;
}

class Terminal extends EventEmitter {
  isTTY = true;
  columns = columns;
  rows = rows;
  writes = 0;
  lastWriteAt = 0;
  write(chunk) {
    this.writes++;
    this.lastWriteAt = performance.now();
    this.waiters.splice(0).forEach((resolve) => resolve(this.lastWriteAt));
    return true;
  }
  waiters = [];
  /** Resolves at the next write. */
  nextWrite() {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

class Keyboard extends EventEmitter {
  isTTY = true;
  data = null;
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    const data = this.data;
    this.data = null;
    return data;
  }
  press(key) {
    this.data = key;
    this.emit('readable');
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  max ${sorted.at(-1).toFixed(1)} ms  (n=${sorted.length})`;
};

// --- set up -----------------------------------------------------------------------------------
const file = bigScenario();
let started = performance.now();
const loaded = loadScenarioText(readFileSync(file, 'utf8'), file);
if (!loaded.ok) throw new Error(`bench scenario: ${JSON.stringify(loaded.diagnostics)}`);
const stdout = new Terminal();
const stdin = new Keyboard();
const controller = new TuiController({ createSession: () => new RunSession(loaded.scenario), columns, rows });
const session = controller.currentSession;
console.log(`scenario: ${session.messages.length.toLocaleString('en')} messages over ${session.endMs / 3_600_000} h (${file})`);
console.log(`load + first frame model: ${(performance.now() - started).toFixed(0)} ms`);

started = performance.now();
controller.handleKeys(['space']);
session.runUntil(session.endMs * 0.8);
controller.refresh();
const vm = controller.getViewModel();
console.log(`replayed headless to 80% of the window: ${(performance.now() - started).toFixed(0)} ms; ${vm.messages.submitted.toLocaleString('en')} messages submitted, ${vm.header.totals.attempts.toLocaleString('en')} attempts, mailmarshal queue ${vm.queues.rows.find((q) => q.server === 'mailmarshal')?.depth.toLocaleString('en')}`);

// The same render options as src/ui/start-tui.ts.
const inkRenders = [];
const instance = render(createElement(App, { controller }), {
  stdout, stdin, stderr: stdout, exitOnCtrlC: false, patchConsole: false, maxFps: 60,
  onRender: ({ renderTime }) => {
    inkRenders.push(renderTime);
    controller.noteFrameCost(renderTime);
  },
});
await sleep(100);

// --- frame render: view model + React + Ink layout + terminal write, one frame at a time --------
const frames = [];
const builds = [];
const rendersBefore = inkRenders.length;
for (let i = 0; i < 200; i++) {
  // Ten simulated seconds between frames: the clock, the lists and the charts all move.
  session.runUntil(Math.min(session.endMs, session.nowMs + 10_000));
  await sleep(36); // past Ink's frame throttle, so the frame is drawn at once
  const wrote = stdout.nextWrite();
  const t0 = performance.now();
  controller.refresh();
  const t1 = await Promise.race([wrote, sleep(1000).then(() => null)]);
  if (t1 !== null) frames.push(t1 - t0);
  builds.push(controller.timing.frameMs);
}
console.log(`frame render (view model + React + Ink + write): ${stats(frames)}`);
console.log(`  of which Ink's own render (layout to text): ${stats(inkRenders.slice(rendersBefore))}`);
console.log(`  of which the view model: ${stats(builds)}`);

// --- key to screen, paused: time from the key arriving to the terminal write it causes ----------
const keys = ['j', 'k', 'k', 'g', 'G', 'f', 'j', 'f', '/', 'x', '1', '\r', '\u001b', '\t', 'j', '\t', '\t', '?', '?', '\r', 'k', '\r'];
const paused = [];
const slowest = new Map();
for (let round = 0; round < 5; round++) {
  for (const key of keys) {
    await sleep(40);
    const wrote = stdout.nextWrite();
    const t0 = performance.now();
    stdin.press(key);
    const t1 = await Promise.race([wrote, sleep(1000).then(() => null)]);
    if (t1 === null) continue;
    paused.push(t1 - t0);
    slowest.set(key, Math.max(slowest.get(key) ?? 0, t1 - t0));
  }
}
console.log(`key to screen, paused: ${stats(paused)}`);
console.log(`  slowest by key: ${[...slowest].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, ms]) => `${JSON.stringify(k)} ${ms.toFixed(1)} ms`).join(', ')}`);

// --- key to screen while playing at full speed, with the real tick loop --------------------------
controller.handleKeys(['r']);
for (let i = 0; i < 20; i++) controller.handleKeys(['+']);
const ticks = [];
const tick = controller.tick.bind(controller);
controller.tick = () => {
  const t0 = performance.now();
  tick();
  ticks.push({ ms: performance.now() - t0, ...controller.timing });
};
controller.start();
await sleep(500);
const playing = [];
const waited = [];
const drawn = [];
for (let i = 0; i < 60; i++) {
  // Keys land at random moments; latency counts from when the key was meant to arrive, so time
  // spent waiting behind a simulation chunk is included.
  const delay = 60 + Math.random() * 120;
  const intended = performance.now() + delay;
  await sleep(delay);
  // Listen before pressing: the frame may well be written before the press returns.
  const wrote = stdout.nextWrite();
  const pressedAt = performance.now();
  stdin.press(i % 2 === 0 ? 'k' : 'j');
  const t1 = await Promise.race([wrote, sleep(1000).then(() => null)]);
  if (t1 === null) continue;
  playing.push(t1 - intended);
  waited.push(pressedAt - intended);
  drawn.push(t1 - pressedAt);
}
controller.stop();
const busy = ticks.filter((t) => t.events > 0);
console.log(`key to screen, playing at ${controller.getViewModel().header.speed}: ${stats(playing)}`);
console.log(`  waiting for the event loop: ${stats(waited)}`);
console.log(`  from the key read to the terminal write: ${stats(drawn)}`);
console.log(`ticks while playing: ${stats(busy.map((t) => t.ms))}`);
console.log(`  simulation work per tick: ${stats(busy.map((t) => t.workMs))}; events per tick p50 ${busy.map((t) => t.events).sort((a, b) => a - b)[Math.floor(busy.length / 2)] ?? 0}`);
console.log(`  simulated time reached: ${controller.getViewModel().header.time} (${(controller.getViewModel().header.progress * 100).toFixed(1)}% of the window)`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs`);
instance.unmount();
process.exit(0);
