import type { CardFlow } from './cardFlow';
import { certificationHeight } from './certificationBlock';

/** The last section is moved whole only while it is this share of a page at most. */
const sectionShare = 0.4;
/** A few points kept spare on the next page: rows moved off the photo's side may wrap differently. */
const slack = 6;

/**
 * Where a card must break its last page so the certification block (signature, seal, code)
 * follows real data instead of standing alone on a page of its own — answered from a trial
 * layout of the card's data (on blank sheets), as the unit to start a new page at, or null.
 *
 * The block stays where it is when it fits under the data. Otherwise the end of the data moves
 * to the next page with it: the whole last section if it is short and begins on that page,
 * else the last two units (rows, or a table's rows), else the last one. A row is never split,
 * and a title or a table's head never stays behind without what follows it. When nothing can
 * move (the page holds a single unit, or what would move is too tall to share a page with the
 * block), the answer is null and the block's page repeats whose card it is instead.
 */
export function certificationBreak(trial: CardFlow): number | null {
  if (trial.room() >= certificationHeight) return null;
  const { units } = trial;
  const lastPage = trial.pages.length;
  const fresh = trial.fullPageRoom();
  const moved = (k: number) => (units[k - 1]?.y ?? 0) - trial.y;
  // Breaking before unit k leaves unit k-1 as the page's last data: it must be on this page and no title.
  const fits = (k: number) => {
    const before = units[k - 1];
    return before !== undefined && before.page === lastPage && before.kind === 'row' && moved(k) + certificationHeight + slack <= fresh;
  };
  const candidates: number[] = [];
  for (let k = units.length - 1; k >= 1; k -= 1) {
    if ((units[k - 1]?.page ?? 0) !== lastPage) break;
    if (fits(k)) candidates.push(k);
  }
  const sectionStart = units.findLastIndex((unit) => unit.kind === 'section');
  if (sectionStart >= 1 && candidates.includes(sectionStart) && moved(sectionStart) <= fresh * sectionShare) return sectionStart;
  return candidates.find((k) => units.length - k >= 2) ?? candidates[0] ?? null;
}

