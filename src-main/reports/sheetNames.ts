/** Excel's limits on a sheet name: at most 31 characters, none of []:*?/\, no apostrophe at either end. */
export const sheetNameLimit = 31;
const forbidden = /[[\]:*?/\\]/g;
const ellipsis = '…';

/** The title as Excel allows it, before any shortening: forbidden characters become spaces. */
export function sheetNameText(title: string): string {
  return title.replace(forbidden, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
}

/**
 * `prefix` + the title, shortened where it does not fit: whole words only, then "…" (an operator
 * reads "3. Учреждения по ведомственной…", never "…ведомственной принадле"). Only a single word
 * longer than the whole room is cut inside.
 */
export function fitSheetName(title: string, prefix = '', limit = sheetNameLimit): string {
  const text = sheetNameText(title);
  const room = limit - prefix.length;
  if (text.length <= room) return prefix + text;
  const budget = room - ellipsis.length;
  let kept = '';
  for (const word of text.split(' ')) {
    const next = kept ? `${kept} ${word}` : word;
    if (next.length > budget) break;
    kept = next;
  }
  // No dangling comma, dash or opening bracket before the ellipsis.
  kept = kept.replace(/[\s,;.(\-–—]+$/u, '');
  return `${prefix}${kept || text.slice(0, budget)}${ellipsis}`;
}

/**
 * Names the sheets of one workbook: whole words, unique regardless of case (Excel's rule).
 * Tables are numbered ("1. ", "2. "…) as the report numbers them; a repeated name gets " (2)".
 */
export function sheetNamer(): (title: string, number?: number) => string {
  const used = new Set<string>();
  return (title, number) => {
    const prefix = number === undefined ? '' : `${number}. `;
    let name = fitSheetName(title, prefix) || 'Sheet';
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${fitSheetName(title, prefix, sheetNameLimit - ` (${n})`.length)} (${n})`;
    used.add(name.toLowerCase());
    return name;
  };
}
