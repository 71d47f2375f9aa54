/**
 * The value of `key` in `map`, made with `make` and stored on first use. On a hot path pass a
 * function made once (such as `newMap`), not an arrow written at the call: this function is
 * shared by many call sites, so V8 may not inline it, and an arrow at the call is then a fresh
 * closure allocated on every call.
 */
export function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** An empty map, as `getOrAdd`'s `make` for maps of maps. */
export function newMap<K, V>(): Map<K, V> {
  return new Map<K, V>();
}
