/**
 * SPF (RFC 7208) check_host() against the simulated DNS zone. Results are data: a broken record or
 * a failing DNS server yields `permerror` or `temperror`, never an exception.
 */
export type { SpfCheck, SpfOutcome, SpfResult } from './types.js';
export type { MailFromCheck } from './mail-from.js';
export { checkHost } from './check-host.js';
export { checkMailFrom } from './mail-from.js';
