import type { RunSession } from '../../run/session.js';
import { takeSnapshot, type Snapshot } from '../../run/snapshot.js';
import { bindKey } from '../input/bind-key.js';
import { computeLayout, type Layout } from '../layout.js';
import type { UiAction } from '../state/actions.js';
import { parseFilter } from '../state/filter.js';
import { linkTarget } from '../state/link-target.js';
import { resolveSelection } from '../state/list-view.js';
import { reduce, type ReduceEnv } from '../state/reducer.js';
import { defaultSpeedIndex, speedFactor } from '../state/speed.js';
import { activeFilterText, initialUiState, type UiState } from '../state/ui-state.js';
import type { ViewModel } from '../view-model.js';
import { buildViewModel } from './build-view-model.js';
import { lastLinkAttempt } from './message-row.js';
import { Replay } from './replay.js';
import { runChunk } from './run-chunk.js';
import { traceLines } from './trace-lines.js';

/** How the controller is set up; the timings have defaults tuned for a terminal. */
export interface ControllerOptions {
  /** Builds a fresh replay: at start and on every restart (same scenario, same seed). */
  readonly createSession: () => RunSession;
  readonly pauseOnFailure?: boolean;
  /** Real time in ms; tests pass a fake one. */
  readonly now?: () => number;
  /** Real ms between ticks: the frame rate while playing (50 ms → 20 fps). */
  readonly tickMs?: number;
  /** Real ms of simulation work allowed per tick, so keys are answered at any speed. */
  readonly workBudgetMs?: number;
  readonly logCapacity?: number;
  /** Real ms per frame for applying a new filter to the list; the rest waits for the next frame. */
  readonly scanBudgetMs?: number;
  readonly columns?: number;
  readonly rows?: number;
  /** Called once when the user quits. */
  readonly onQuit?: () => void;
}

/**
 * The non-React driver of the TUI. It owns the replay, runs it in time-boxed chunks on a steady
 * tick, applies the user's commands through the pure reducer (doing their part to the session
 * first), and publishes an immutable {@link ViewModel} per frame.
 */
export class TuiController {
  private replay!: Replay;
  private state!: UiState;
  private halted = false;
  private messageTop = 0;
  /** Pane contents counted at the last frame, for laying out between frames. */
  private shape = { links: 0, queues: 0, limiters: 0 };
  private carryMs = 0;
  private lastTickAt: number;
  private lastFrameAt = Number.NEGATIVE_INFINITY;
  /** Moving average of what a frame costs to draw (reported by Ink), ms. */
  private frameCostMs = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private columns: number;
  private rows: number;
  private viewModel!: ViewModel;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  /** Timing of the last tick, for the benchmark: simulation work and frame build, ms. */
  readonly timing = { workMs: 0, frameMs: 0, events: 0 };

  constructor(private readonly options: ControllerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.columns = options.columns ?? 120;
    this.rows = options.rows ?? 40;
    this.load(options.createSession());
    this.state = initialUiState({ speedIndex: defaultSpeedIndex(this.replay.session.endMs), pauseOnFailure: options.pauseOnFailure ?? false });
    this.lastTickAt = this.now();
    this.publish();
  }

  /** Subscribes to new frames (for useSyncExternalStore). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The latest frame. */
  readonly getViewModel = (): ViewModel => this.viewModel;

  /** The UI state now. */
  get uiState(): UiState {
    return this.state;
  }

  /** The replay being shown. */
  get currentSession(): RunSession {
    return this.replay.session;
  }

  /** Starts the tick loop. */
  start(): void {
    if (this.timer !== undefined) return;
    this.lastTickAt = this.now();
    this.timer = setInterval(() => this.tick(), this.options.tickMs ?? 50);
  }

  /** Stops the tick loop and lets go of the replay. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.replay.dispose();
  }

  /**
   * Ink reports what each frame cost to draw. Ticks then publish no more often than every 2.5
   * frame costs (and at least every 50 ms), so drawing never takes the whole event loop and
   * keys are read at once on a slow or busy machine too. Key presses always draw at once.
   */
  noteFrameCost(ms: number): void {
    this.frameCostMs = this.frameCostMs === 0 ? ms : this.frameCostMs * 0.8 + ms * 0.2;
  }

  /** Publishes a frame of the current state now (the benchmark times this). */
  refresh(): void {
    const started = this.now();
    this.publish();
    this.timing.frameMs = this.now() - started;
  }

  /** The terminal changed size: lay out again. */
  resize(columns: number, rows: number): void {
    if (columns === this.columns && rows === this.rows) return;
    this.columns = columns;
    this.rows = rows;
    this.publish();
  }

  /**
   * Key presses, named by key-name.ts. Each is bound against the state the previous one left,
   * so `/x1⏎` arriving in one chunk still opens, fills and applies the filter. One frame after all.
   */
  handleKeys(names: readonly string[]): void {
    for (const name of names) for (const action of bindKey(this.state, name)) this.apply(action);
    this.publish();
  }

  /**
   * One tick: move simulated time on by speed × real time elapsed, within the work budget, then
   * publish a frame. Time the budget cuts off is dropped rather than owed, so the replay slows
   * down under load instead of freezing the keys.
   */
  tick(): void {
    const now = this.now();
    const elapsed = Math.min(250, Math.max(0, now - this.lastTickAt));
    this.lastTickAt = now;
    if (!this.state.playing) {
      // Paused, but a new filter may still be scanning the list: keep it going.
      if (this.replay.index.scanProgress < 1) this.publish();
      return;
    }
    const { session } = this.replay;
    const advance = speedFactor(this.state.speedIndex) * elapsed + this.carryMs;
    const target = Math.min(session.endMs, session.nowMs + Math.floor(advance));
    this.carryMs = advance - Math.floor(advance);
    this.halted = false;
    const { events } = runChunk(session, target, this.options.workBudgetMs ?? 8, this.now, () => this.halted);
    this.checkEnded();
    const worked = this.now();
    const interval = Math.min(250, Math.max(this.options.tickMs ?? 50, this.frameCostMs * 2.5));
    if (worked - this.lastFrameAt >= interval || !this.state.playing) this.publish();
    Object.assign(this.timing, { workMs: worked - now, frameMs: this.now() - worked, events });
  }

  /** Applies one action: the session side of a command first, then the reducer. */
  private apply(action: UiAction): void {
    if (action.type === 'command') {
      switch (action.command) {
        case 'step':
          this.dispatch(action);
          this.stepOneEvent();
          return;
        case 'toggle-link':
          this.toggleLink();
          return;
        case 'restart':
          this.load(this.options.createSession());
          this.dispatch({ type: 'restarted' });
          this.replay.log.push({ atMs: 0, tone: 'user', text: '▸ restarted: same scenario, same seed' });
          return;
        case 'quit':
          this.dispatch(action);
          this.stop();
          this.options.onQuit?.();
          return;
        default:
          break;
      }
    }
    this.dispatch(action);
  }

  private dispatch(action: UiAction): void {
    this.state = reduce(this.state, action, this.env());
    this.replay.index.setFilter(parseFilter(activeFilterText(this.state), this.state.failuresOnly));
  }

  /** Handles events until the next run event (an event nobody sees is not a step worth a key). */
  private stepOneEvent(): void {
    if (this.state.ended) return;
    const { session } = this.replay;
    const before = this.replay.events;
    this.halted = false;
    for (let guard = 0; guard < 100_000 && this.replay.events === before; guard++) {
      if (!session.step()) {
        session.runUntil(session.endMs);
        break;
      }
    }
    this.checkEnded();
  }

  private toggleLink(): void {
    const { index, session } = this.replay;
    const selection = resolveSelection(this.state.selectedSeq, this.state.follow, index.view());
    const messageLink = selection === null ? null : (lastLinkAttempt(index.message(selection.seq))?.link ?? null);
    // A what-if changes the link itself; the firewall notices through its probes, as it would.
    const links = takeSnapshot(session).links.map((link) => ({ name: link.name, up: link.reallyUp }));
    const target = linkTarget(this.state, links, messageLink);
    if (target === null) return;
    this.replay.setLinkUp(target.link, target.up);
    this.dispatch({ type: 'link-toggled', link: target.link, up: target.up, at: session.clock.time(session.nowMs) });
  }

  private checkEnded(): void {
    const { session } = this.replay;
    if (!this.state.ended && session.nowMs >= session.endMs) this.dispatch({ type: 'ended', at: session.clock.time(session.endMs) });
  }

  /** Starts a new replay; the first failure of each kind may pause it (see reducer.ts). */
  private load(session: RunSession): void {
    this.replay?.dispose();
    this.replay = new Replay(
      session,
      {
        seen: (key) => this.state.seenFailures.has(key),
        firstOfKind: (kind, seq, messageId) => {
          this.dispatch({ type: 'failure-seen', kind, seq, messageId });
          // Stop the running chunk right here, so the screen shows the failure that paused it.
          if (!this.state.playing) this.halted = true;
        },
      },
      this.options.logCapacity,
    );
    this.messageTop = 0;
    this.carryMs = 0;
    if (this.state !== undefined) this.replay.index.setFilter(parseFilter(activeFilterText(this.state), this.state.failuresOnly));
  }

  private layout(detailOpen: boolean): Layout {
    return computeLayout(this.columns, this.rows, { ...this.shape, detailOpen });
  }

  /** What the reducer needs to move selections; the trace is measured only when it is scrolled. */
  private env(): ReduceEnv {
    const layout = this.layout(this.state.detailOpen);
    const { index, log, session } = this.replay;
    const view = index.view();
    const state = this.state;
    return {
      messages: view,
      messagePage: layout.messages.rows,
      linkCount: session.scenario.links.length,
      log: { first: log.first, last: log.last, page: Math.max(1, layout.log.rows) },
      get detail() {
        const selection = resolveSelection(state.selectedSeq, state.follow, view);
        const lines = selection === null ? 0 : traceLines(index.message(selection.seq), session.clock).length;
        return { lines, page: Math.max(1, layout.detail.rows) };
      },
    };
  }

  private publish(): void {
    this.lastFrameAt = this.now();
    const { session, index, log, failures, depths, widths, submitTo } = this.replay;
    index.scan(this.now, this.lastFrameAt + (this.options.scanBudgetMs ?? 12));
    const snapshot: Snapshot = takeSnapshot(session);
    this.shape = { links: snapshot.links.length, queues: snapshot.queues.length, limiters: snapshot.limiters.length };
    const layout = this.layout(this.state.detailOpen);
    const { viewModel, messageTop } = buildViewModel({ session, snapshot, state: this.state, layout, index, view: index.view(), failures, depths, log, messageTop: this.messageTop, widths, submitTo });
    this.viewModel = viewModel;
    this.messageTop = messageTop;
    for (const listener of this.listeners) listener();
  }
}
