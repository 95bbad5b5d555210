/*
 * Limits on the shape of JSON from the wire, checked without recursion (a hostile body may be
 * nested 100,000 deep): depth, keys per object, items per array, string length, and text the
 * database can store (no NUL, no lone surrogate — PostgreSQL refuses both, which would be a 500).
 */
/** A NUL, or half of a surrogate pair with no other half. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const notText = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface JsonLimits {
  maxDepth: number;
  maxKeys: number;
  maxItems: number;
  maxString: number;
}

/** Where the value breaks a limit (a JSON path and what), or null when it keeps them all. */
export function jsonShapeProblem(value: unknown, limits: JsonLimits): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop() as { value: unknown; depth: number; path: string };
    if (typeof current === 'string') {
      if (current.length > limits.maxString) return `${path}: text longer than ${limits.maxString}`;
      if (notText.test(current)) return `${path}: characters that are not text`;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limits.maxDepth) return `${path}: nested deeper than ${limits.maxDepth}`;
    if (Array.isArray(current)) {
      if (current.length > limits.maxItems) return `${path}: more than ${limits.maxItems} items`;
      current.forEach((item, index) => stack.push({ value: item, depth: depth + 1, path: `${path}.${index}` }));
      continue;
    }
    const entries = Object.entries(current as Record<string, unknown>);
    if (entries.length > limits.maxKeys) return `${path}: more than ${limits.maxKeys} keys`;
    for (const [key, item] of entries) {
      if (key.length > 200 || notText.test(key)) return `${path}: a key that is not a name`;
      stack.push({ value: item, depth: depth + 1, path: path ? `${path}.${key}` : key });
    }
  }
  return null;
}

/** Any request body: photos (base64, a few MB) are the longest strings. */
export const requestLimits: JsonLimits = { maxDepth: 16, maxKeys: 500, maxItems: 1_000, maxString: 4_100_000 };
/** The values of one form section: a form's fields, groups of a few dozen rows, short texts. */
export const sectionLimits: JsonLimits = { maxDepth: 6, maxKeys: 200, maxItems: 500, maxString: 20_000 };
