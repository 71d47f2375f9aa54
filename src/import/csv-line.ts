/**
 * Splits one CSV line (RFC 4180 quoting: `"a, b"`, `""` for a quote) into fields. Returns
 * undefined for an unterminated quote. A record must fit on one line: logs never fold them.
 */
export function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34 /* " */) {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) return undefined;
        value += line.slice(i, close);
        if (line.charCodeAt(close + 1) === 34) {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fields.push(value);
      if (i >= line.length) return fields;
      if (line.charCodeAt(i) !== 44 /* , */) return undefined;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** Splits a recipient list on `;` (and `,` or spaces for hand-written files), dropping blanks. */
export function splitAddresses(text: string): string[] {
  return text.split(/[;,\s]+/).filter((part) => part !== '');
}

/** Whether text looks like a mail address (something@domain.tld, no spaces or angle brackets). */
export function isAddress(text: string): boolean {
  return /^[^@\s<>]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(text);
}

/**
 * The address in lower case, so one recipient written two ways in a log (`Sam@Westfield.net`,
 * `sam@westfield.net`) is one recipient. Local parts are case-sensitive in principle, never in
 * practice, and no receiver in the model tells them apart.
 */
export function normaliseAddress(address: string): string {
  return address.toLowerCase();
}
