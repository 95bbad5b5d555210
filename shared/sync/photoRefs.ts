/** Photo references (blob ids) anywhere in a record's values, repeating groups included. */
export function photoRefs(values: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(values)) for (const item of values) photoRefs(item, found);
  else if (values && typeof values === 'object') {
    const record = values as Record<string, unknown>;
    if (typeof record.blobId === 'string') found.add(record.blobId);
    else for (const inner of Object.values(record)) photoRefs(inner, found);
  }
  return found;
}

/** The size each photo reference declares, by blob id (what the form's size limit was checked against). */
export function declaredPhotoBytes(values: unknown, found: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (Array.isArray(values)) for (const item of values) declaredPhotoBytes(item, found);
  else if (values && typeof values === 'object') {
    const record = values as Record<string, unknown>;
    if (typeof record.blobId === 'string') found.set(record.blobId, record.bytes);
    else for (const inner of Object.values(record)) declaredPhotoBytes(inner, found);
  }
  return found;
}
