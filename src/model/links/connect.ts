import type { LinkHealth } from './link-health.js';

/** Postfix `smtp_connect_timeout` default: a connection not made in 30 s is given up. */
export const connectTimeoutMs = 30_000;

/**
 * When Linux sends SYNs inside the connect timeout: at once, then after an initial 1 s
 * retransmission timeout doubling each time (`tcp_syn_retries`); the one due at 31 s is too late.
 */
const synTimesMs = [0, 1_000, 3_000, 7_000, 15_000] as const;

/**
 * Ms until a TCP handshake over `link` completes, or -1 when it does not within the connect
 * timeout: a link really down answers nothing; on a lossy link each try needs both the SYN and
 * the SYN-ACK to get through.
 */
export function handshakeDelayMs(link: LinkHealth): number {
  if (!link.reallyUp) return -1;
  for (const atMs of synTimesMs) {
    if (link.survives() && link.survives()) return atMs;
  }
  return -1;
}
