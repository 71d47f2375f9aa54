import { formatReply, type AttemptRecord, type MessageRecord } from '../../run/types.js';
import type { WallClock } from '../../run/wall-clock.js';
import { messageState } from '../state/message-state.js';
import { checkSymbol, stateSymbol, stateTone } from '../symbols.js';
import type { Segment, SegmentLine } from '../view-model.js';

/**
 * The selected message as a trace: who it is, then each attempt — server and next hop, the rule
 * that chose the link, link and NAT address, each check, the reply with its code and stage, and
 * when the retry is due. One line per fact, so a narrow pane loses only line ends.
 */
export function traceLines(message: MessageRecord, clock: WallClock): SegmentLine[] {
  const attempts = message.attempts;
  const state = messageState(message, attempts);
  const lines: SegmentLine[] = [
    [
      { text: `${stateSymbol[state]} ${state}`, tone: stateTone[state], bold: true },
      { text: message.finalReason === null ? '' : ` (${message.finalReason})` },
      { text: `  submitted ${clock.time(message.spec.atMs)}  ${kilobytes(message.spec.sizeBytes)}  ${attempts.length} attempt${attempts.length === 1 ? '' : 's'}` },
    ],
    [{ text: `from ${message.spec.from}  to ${message.spec.to.join(', ')}` }],
  ];
  attempts.forEach((attempt, i) => lines.push(...attemptLines(attempt, i + 1, message.spec.to.length, clock)));
  return lines;
}

function attemptLines(attempt: AttemptRecord, number: number, recipientCount: number, clock: WallClock): SegmentLine[] {
  const pad = '    ';
  const head: Segment[] = [
    { text: `#${number} `, bold: true },
    { text: `${clock.time(attempt.atMs)}  ` },
    { text: attempt.server, bold: true },
    { text: ' → ' },
    { text: attempt.nextHop, bold: true },
    { text: attempt.nextHopAddress === '' ? '' : ` [${attempt.nextHopAddress}]` },
  ];
  if (attempt.recipients.length < recipientCount) head.push({ text: `  for ${attempt.recipients.join(', ')}`, tone: 'muted' });
  const lines: SegmentLine[] = [head, [{ text: pad }, ...routeSegments(attempt)]];
  for (const check of attempt.checks) {
    const tone = check.result === 'pass' ? 'ok' : check.result === 'fail' ? 'bad' : 'warn';
    lines.push([{ text: pad }, { text: `${checkSymbol[check.result]} ${check.check}`, tone }, { text: check.detail === '' ? '' : `: ${check.detail}` }]);
  }
  lines.push([{ text: pad }, ...replySegments(attempt, clock)]);
  return lines;
}

function routeSegments(attempt: AttemptRecord): Segment[] {
  const rule: Segment[] = [{ text: 'rule ', tone: 'muted' }, { text: attempt.rule }];
  if (attempt.link === null) {
    const why = attempt.rule === 'inside' ? 'inside hop, no link' : 'no link: the connection never left';
    return [...rule, { text: `  ${why}`, tone: attempt.rule === 'inside' ? 'muted' : 'bad' }, { text: '  from ', tone: 'muted' }, { text: attempt.sourceAddress }];
  }
  return [...rule, { text: '  link ', tone: 'muted' }, { text: attempt.link, bold: true }, { text: '  NAT ', tone: 'muted' }, { text: attempt.sourceAddress }];
}

function replySegments(attempt: AttemptRecord, clock: WallClock): Segment[] {
  const symbol = attempt.outcome === 'accepted' ? '✓' : attempt.outcome === 'rejected' ? '✗' : '⟳';
  const tone = attempt.outcome === 'accepted' ? 'ok' : attempt.outcome === 'rejected' ? 'bad' : 'warn';
  const segments: Segment[] = [
    { text: `${symbol} ${formatReply(attempt.reply)}`, tone, bold: attempt.outcome !== 'accepted' },
    { text: ' at ', tone: 'muted' },
    { text: attempt.reply.stage, bold: true },
    { text: `  ${attempt.outcome}${attempt.outcome === 'accepted' ? '' : ` (${attempt.reason})`}` },
  ];
  if (attempt.outcome === 'deferred') {
    segments.push(attempt.retryAtMs === null ? { text: '  no retry left: it expires', tone: 'bad' } : { text: `  retry due ${clock.time(attempt.retryAtMs)}` });
  }
  return segments;
}

function kilobytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}
