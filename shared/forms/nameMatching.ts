/**
 * Name matching for duplicate search (Pack 1 §9.4): the same child is written Асанова, ASANOVA,
 * Asanova, Assanova or Асанава by different operators. A name is reduced to a Latin "skeleton"
 * — transliterated from Kyrgyz, Kazakh, Russian and Azerbaijani letters, case and spacing
 * removed, spelling variants folded — and skeletons are compared by edit distance.
 */
const letters: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'j', з: 'z', и: 'i', й: 'i',
  і: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'i',
  ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Azerbaijani and Turkic Latin letters.
  ə: 'a', ä: 'a', ğ: 'g', ı: 'i', ö: 'o', ü: 'u', ş: 'sh', ç: 'ch', ñ: 'n', w: 'v', q: 'k', x: 'h', c: 'j',
};

/** Spelling variants folded after transliteration, longest first. */
const variants: [RegExp, string | ((match: string) => string)][] = [
  [/kh/g, 'h'],
  [/dj|dzh|zh/g, 'j'],
  [/tch/g, 'ch'],
  [/ts/g, 's'],
  [/y/g, 'i'],
  // я/ю/ё after a consonant: Илья ~ Ilya ~ Ilia; keep the vowel.
  [/i([aeou])/g, (match) => match.slice(1)],
  [/ii+/g, 'i'],
  [/e/g, 'i'],
  [/o(?=v)/g, 'a'],
  [/(.)\1+/g, '$1'],
];

export function nameSkeleton(name: string): string {
  let text = name.normalize('NFKC').toLowerCase();
  // Latin "ch" (Chyngyz, Kuchukov, Tchaikovsky) is Ч, not the Azerbaijani c (Дж) then h.
  text = text.replace(/ch/g, 'ç');
  text = [...text].map((ch) => letters[ch] ?? ch).join('');
  text = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of variants) {
    text = typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement);
  }
  return text;
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Whether two skeletons are close enough to show the operator as a possible match. */
export function similarSkeletons(a: string, b: string): boolean {
  if (!a || !b) return false;
  const allowed = Math.max(a.length, b.length) >= 8 ? 2 : 1;
  return editDistance(a, b, allowed) <= allowed;
}
