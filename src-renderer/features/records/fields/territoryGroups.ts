import { activeEntries, type Classifier, type ClassifierEntry } from '../../../../shared/forms/classifier';
import type { Language } from '../../../../shared/i18n/languages';

/** One <optgroup> of a territory choice: a region and its units, or the cities of republican significance. */
export interface TerritoryGroup {
  /** The region's code, or `cities` for the top-level units that have nothing under them. */
  key: string;
  /** The region's name; null for the top-level cities (the caller names that group). */
  label: string | null;
  entries: ClassifierEntry[];
}

/** Lower case, ё as е, hyphens and repeated spaces as one space: "Кара-Суу" is found by "кара суу". */
export const normaliseForSearch = (text: string): string =>
  text.toLocaleLowerCase().replace(/ё/g, 'е').replace(/[-‐–—'’ʼ`]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Whether an entry answers the search in any of its names (an operator may type Kyrgyz in a Russian window). */
const matches = (entry: ClassifierEntry, query: string) => Object.values(entry.names).some((name) => normaliseForSearch(name).includes(query));

/**
 * The territory list as groups: the top-level units with nothing under them (Bishkek, Osh) first,
 * then each region with itself and its districts and cities. A search keeps the units whose name
 * holds it, and a whole region when the region's own name does.
 */
export function territoryGroups(classifier: Classifier, language: Language, search = ''): TerritoryGroup[] {
  const entries = activeEntries(classifier);
  const query = normaliseForSearch(search);
  const hasChildren = (entry: ClassifierEntry) => entries.some((child) => child.parent === entry.code);
  const roots = entries.filter((entry) => !entry.parent);
  const groups: TerritoryGroup[] = [];
  const lone = roots.filter((entry) => !hasChildren(entry)).filter((entry) => !query || matches(entry, query));
  if (lone.length > 0) groups.push({ key: 'cities', label: null, entries: lone });
  for (const region of roots.filter(hasChildren)) {
    const members = [region, ...entries.filter((entry) => entry.parent === region.code)];
    const kept = !query || matches(region, query) ? members : members.filter((entry) => matches(entry, query));
    if (kept.length > 0) groups.push({ key: region.code, label: region.names[language], entries: kept });
  }
  return groups;
}
