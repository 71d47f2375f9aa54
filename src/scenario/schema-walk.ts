/**
 * Reads a zod schema's structure to answer "which keys are allowed here?",
 * so an unknown key can be met with the list of known ones or a likely
 * intended spelling. Works on any zod 4 schema through `_zod.def`.
 *
 * @module
 */

import type { z } from 'zod';

type Schema = z.core.$ZodType;

// `_zod.def` is typed per schema kind; this is the loose view of the fields
// the walk reads, all optional so an unfamiliar kind is simply a dead end.
interface LooseDef {
  readonly type?: string;
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly out?: Schema;
  readonly getter?: () => Schema;
  readonly shape?: Record<string, Schema>;
  readonly catchall?: Schema;
  readonly element?: Schema;
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly options?: readonly Schema[];
  readonly discriminator?: string;
  readonly items?: readonly Schema[];
  readonly rest?: Schema | null;
  readonly left?: Schema;
  readonly right?: Schema;
  readonly entries?: Record<string, unknown>;
}

function defOf(schema: Schema): LooseDef {
  return schema._zod.def as unknown as LooseDef;
}

// Lazy schemas may refer to themselves; no real scenario schema nests this deep.
const MAX_DEPTH = 64;

/**
 * Strips wrappers that do not change which keys an object takes:
 * optional, nullable, default, catch, readonly, lazy, and pipes (their input
 * side, or the output side when the input is a bare transform, as in
 * `z.preprocess`). Returns every candidate, since unions fan out.
 */
function unwrap(schema: Schema, depth = 0): Schema[] {
  if (depth > MAX_DEPTH) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'catch':
    case 'readonly':
    case 'success':
      return def.innerType ? unwrap(def.innerType, depth + 1) : [];
    case 'lazy':
      return def.getter ? unwrap(def.getter(), depth + 1) : [];
    case 'pipe': {
      if (!def.in || !def.out) return [];
      const inputSide = defOf(def.in).type === 'transform' ? def.out : def.in;
      return unwrap(inputSide, depth + 1);
    }
    case 'union':
      return (def.options ?? []).flatMap((option) => unwrap(option, depth + 1));
    case 'intersection':
      return [def.left, def.right].flatMap((side) => (side ? unwrap(side, depth + 1) : []));
    default:
      return [schema];
  }
}

/** The schemas a child at `segment` is checked against, for each candidate parent. */
function childSchemas(schema: Schema, segment: PropertyKey): Schema[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const field = typeof segment === 'string' ? def.shape?.[segment] : undefined;
      const child = field ?? def.catchall;
      return child ? [child] : [];
    }
    case 'array':
      return def.element && typeof segment === 'number' ? [def.element] : [];
    case 'tuple': {
      const item = typeof segment === 'number' ? def.items?.[segment] : undefined;
      const child = item ?? def.rest ?? undefined;
      return child ? [child] : [];
    }
    case 'record':
    case 'map':
      return def.valueType ? [def.valueType] : [];
    default:
      return [];
  }
}

/** Whether a discriminated-union option accepts the discriminator value found in the data. */
function optionMatches(option: Schema, discriminator: string, value: unknown): boolean {
  const propValues = (option._zod as { propValues?: Record<string, Set<unknown>> }).propValues;
  return propValues?.[discriminator]?.has(value) ?? false;
}

/**
 * For a discriminated union at the end of the path, keeps only the option
 * whose discriminator the data names, so suggestions fit the chosen variant.
 */
function narrow(schema: Schema, data: unknown, depth = 0): Schema[] {
  if (depth > MAX_DEPTH) return [];
  const def = defOf(schema);
  if (def.type === 'union' && def.discriminator !== undefined && def.options) {
    const discriminator = def.discriminator;
    const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[discriminator] : undefined;
    const chosen = def.options.filter((option) => unwrap(option).some((o) => optionMatches(o, discriminator, value)));
    if (chosen.length > 0) return chosen.flatMap((option) => narrow(option, data, depth + 1));
  }
  const wrapped = ['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'catch', 'readonly'];
  if (def.type !== undefined && wrapped.includes(def.type) && def.innerType) return narrow(def.innerType, data, depth + 1);
  return unwrap(schema);
}

/** Keys an object-like schema names: object shape keys, or the values of an enum record key. */
function ownKeys(schema: Schema): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'record' && def.keyType) {
    return unwrap(def.keyType).flatMap((key) => {
      const keyDef = defOf(key);
      if (keyDef.type === 'enum') return Object.values(keyDef.entries ?? {}).map(String);
      return [];
    });
  }
  return [];
}

/**
 * The keys the schema allows in the mapping at `path`, in schema order and
 * without repeats. Pass `data` (the mapping's value) to pick the matching
 * option of a discriminated union there; otherwise all options' keys count.
 * Returns an empty list when the path does not lead to an object.
 */
export function knownKeysAt(schema: Schema, path: readonly PropertyKey[], data?: unknown): string[] {
  let parents = unwrap(schema);
  let candidates: Schema[] = [schema];
  for (const segment of path) {
    candidates = parents.flatMap((parent) => childSchemas(parent, segment));
    parents = candidates.flatMap((child) => unwrap(child));
  }
  const targets = data === undefined ? parents : candidates.flatMap((candidate) => narrow(candidate, data));
  return [...new Set(targets.flatMap(ownKeys))];
}
