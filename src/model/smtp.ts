/** SMTP stages in dialogue order; a server answers at one of them. */
export const smtpStages = ['CONNECT', 'HELO', 'MAIL', 'RCPT', 'DATA', 'END-OF-DATA'] as const;

/** The stage at which a reply is sent. */
export type SmtpStage = (typeof smtpStages)[number];

/** Position of a stage in the dialogue, 0 for CONNECT. */
export function stageIndex(stage: SmtpStage): number {
  return smtpStages.indexOf(stage);
}

/**
 * A reply as the client saw it. `code` is null when no SMTP reply came at all (the connection
 * could not be made); `enhanced` is the RFC 3463 status code when the server gave one.
 */
export interface SmtpReply {
  readonly code: number | null;
  readonly enhanced: string | null;
  readonly text: string;
}

/** A reply and the stage it came at. */
export interface StagedReply extends SmtpReply {
  readonly stage: SmtpStage;
}

/**
 * The class of a reply: 2 accepted, 4 temporary, 5 permanent. Without an SMTP reply the
 * enhanced code the client made up decides (Postfix gives 4.4.1 to a failed connection, 5.4.4 to
 * a domain with no mail host); with neither it is temporary.
 */
export function replyClass(reply: SmtpReply): 2 | 4 | 5 {
  if (reply.code === null) return reply.enhanced?.startsWith('5') ? 5 : 4;
  const first = Math.floor(reply.code / 100);
  return first === 2 ? 2 : first === 5 ? 5 : 4;
}

/** `421 4.7.0 text` style one-line rendering. */
export function formatReply(reply: SmtpReply): string {
  const parts = [reply.code === null ? '---' : String(reply.code)];
  if (reply.enhanced !== null) parts.push(reply.enhanced);
  if (reply.text !== '') parts.push(reply.text);
  return parts.join(' ');
}

/** Fills `[ip]`, `<ip>`-style placeholders a reply text may carry: `{ip}`, `{helo}`, `{host}`. */
export function fillReply<R extends SmtpReply>(reply: R, values: Readonly<Record<string, string>>): R {
  if (!reply.text.includes('{')) return reply;
  const text = reply.text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  return { ...reply, text };
}
