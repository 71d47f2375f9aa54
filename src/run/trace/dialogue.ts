import { formatReply, smtpStages, stageIndex, type SmtpStage, type StagedReply } from '../../model/smtp.js';
import type { AttemptRecord } from '../../model/world/types.js';

/** What a client sends at each stage, and the reply a server gives when it lets the stage pass. */
const passReplies: Record<SmtpStage, string> = {
  CONNECT: '220 {host} ESMTP',
  HELO: '250 {host}',
  MAIL: '250 2.1.0 Ok',
  RCPT: '250 2.1.5 Ok',
  DATA: '354 End data with <CR><LF>.<CR><LF>',
  'END-OF-DATA': '250 2.0.0 Ok: queued',
};

/**
 * The SMTP dialogue of an attempt, line by line (`C:` client, `S:` server), up to the reply that
 * ended it; the stages before it passed, so the server's ordinary replies are shown for them.
 */
export function dialogueLines(attempt: AttemptRecord, helo: string, sender: string): string[] {
  const reply: StagedReply = attempt.reply;
  if (reply.code === null) return [`(no SMTP reply) ${formatReply(reply)}`];
  const last = stageIndex(reply.stage);
  const lines: string[] = [];
  for (const stage of smtpStages.slice(0, last + 1)) {
    for (const command of clientCommands(stage, helo, sender, attempt.recipients)) lines.push(`C: ${command}`);
    const final = stageIndex(stage) === last;
    lines.push(`S: ${final ? formatReply(reply) : passReplies[stage].replace('{host}', attempt.nextHop)}`);
  }
  if (reply.code >= 400 || reply.stage !== 'END-OF-DATA') lines.push('C: QUIT');
  return lines;
}

function clientCommands(stage: SmtpStage, helo: string, sender: string, recipients: readonly string[]): string[] {
  switch (stage) {
    case 'CONNECT':
      return [];
    case 'HELO':
      return [`EHLO ${helo}`];
    case 'MAIL':
      return [`MAIL FROM:<${sender}>`];
    case 'RCPT':
      return recipients.map((recipient) => `RCPT TO:<${recipient}>`);
    case 'DATA':
      return ['DATA'];
    case 'END-OF-DATA':
      return ['(message body) .'];
  }
}
