/** Longest domain name in dotted text, without the trailing dot (RFC 7208 §7.3, RFC 1035 §2.3.4). */
export const maxNameLength = 253;
/** Longest label (RFC 1035 §2.3.4). */
export const maxLabelLength = 63;

/** Drops one trailing dot: `example.com.` and `example.com` are the same name. */
export function stripTrailingDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/**
 * Whether a name can be queried at all: not empty, at most 253 characters, no empty label and no
 * label over 63 characters. Any other character is allowed, because macro expansion may legally
 * put `%` or spaces into a label (the suite's `macro-mania-in-domain`).
 */
export function isQueryableName(name: string): boolean {
  const bare = stripTrailingDot(name);
  if (bare.length === 0 || bare.length > maxNameLength) return false;
  return bare.split('.').every((label) => label.length > 0 && label.length <= maxLabelLength);
}

/**
 * The <domain> check at the start of check_host() (RFC 7208 §4.3): a malformed or single-label
 * domain gives `none` before any DNS query.
 */
export function isCheckableDomain(domain: string): boolean {
  return isQueryableName(domain) && stripTrailingDot(domain).includes('.');
}

/**
 * Prepares an expanded domain-spec for a query (RFC 7208 §7.3): strips the trailing dot and, when
 * longer than 253 characters, removes labels from the left until it fits. Undefined when what is
 * left cannot be queried, which callers treat as a name that does not exist.
 */
export function toQueryName(expanded: string): string | undefined {
  let name = stripTrailingDot(expanded);
  while (name.length > maxNameLength) {
    const dot = name.indexOf('.');
    if (dot < 0) return undefined;
    name = name.slice(dot + 1);
  }
  return isQueryableName(name) ? name : undefined;
}
