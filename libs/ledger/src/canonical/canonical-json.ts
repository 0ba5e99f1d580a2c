/**
 * Canonical JSON in the style of RFC 8785 (JCS), restricted to what ledger payloads need:
 * objects with keys sorted by UTF-16 code units, arrays, strings, safe integers, booleans and null.
 * Floats are refused because their text form is where implementations disagree.
 */
export type CanonicalValue = string | number | boolean | null | CanonicalValue[] | { [key: string]: CanonicalValue };

/** The path of the value being written, kept as parts and joined only for an error message. */
type PathParts = (string | number)[];

const describe = (parts: PathParts) => `$${parts.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('')}`;

export function canonicalJson(value: unknown): string {
  return write(value, []);
}

// Plain loops and one path array rather than map/filter and a path string per value: the verifier runs this
// once per entry, a million times for a million-entry ledger.
function write(value: unknown, path: PathParts): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) throw new TypeError(`${describe(path)}: only safe integers are allowed, got ${value}`);
      return String(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          out += (i ? ',' : '') + write(value[i], path);
          path.pop();
        }
        return `${out}]`;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new TypeError(`${describe(path)}: only plain objects are allowed (convert dates to ISO strings)`);
      }
      const record = value as Record<string, unknown>;
      // The default sort compares UTF-16 code units, which is the order RFC 8785 asks for.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        path.push(key);
        out += `${first ? '' : ','}${JSON.stringify(key)}:${write(item, path)}`;
        path.pop();
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`${describe(path)}: ${typeof value} cannot be written to the ledger`);
  }
}

/** True when every object in a parsed value already lists its keys in canonical order and every number is a safe integer. */
function inCanonicalOrder(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value);
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!inCanonicalOrder(item)) return false;
    return true;
  }
  let previous: string | null = null;
  for (const key in value) {
    if (previous !== null && !(previous < key)) return false;
    if (!inCanonicalOrder((value as Record<string, unknown>)[key])) return false;
    previous = key;
  }
  return true;
}

/**
 * Whether `text` is exactly the canonical JSON of `parsed` (which must be `JSON.parse(text)`). Refuses
 * duplicate keys, other key orders, whitespace and number forms, so that every reader sees one meaning.
 */
export function isCanonicalJson(text: string, parsed: unknown): boolean {
  // When the keys already come out in order, the engine's serializer writes the canonical form, several times faster.
  if (inCanonicalOrder(parsed)) return JSON.stringify(parsed) === text;
  try {
    return canonicalJson(parsed) === text;
  } catch {
    return false;
  }
}
