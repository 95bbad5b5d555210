import { describe, expect, it } from 'vitest';
import { editDistance, nameSkeleton, similarSkeletons } from '../../../shared/forms/nameMatching';

const similar = (a: string, b: string) => similarSkeletons(nameSkeleton(a), nameSkeleton(b));

describe('name skeletons for duplicate search', () => {
  it('ignore case, spacing and script: Cyrillic and Latin spellings meet', () => {
    expect(nameSkeleton('Асанова')).toBe(nameSkeleton('ASANOVA'));
    expect(nameSkeleton(' Асан  ова ')).toBe(nameSkeleton('asanova'));
    expect(nameSkeleton('Жумабеков')).toBe(nameSkeleton('Zhumabekov'));
    expect(nameSkeleton('Жумабеков')).toBe(nameSkeleton('Djumabekov'));
    expect(nameSkeleton('Хасанов')).toBe(nameSkeleton('Khasanov'));
    expect(nameSkeleton('Үсөнбаева')).toBe(nameSkeleton('Usonbaeva'));
    // ə stands for Russian а or е: one letter apart at most, which the similarity allows.
    expect(similar('Məmmədova', 'Мамедова')).toBe(true);
    expect(nameSkeleton('Əliyev')).toBe(nameSkeleton('Алиев'));
    expect(nameSkeleton('Нұрсұлтан')).toBe(nameSkeleton('Нурсултан'));
  });

  it('fold common spelling variants: doubled letters, о/а before в, е/и, й/ы/и', () => {
    expect(nameSkeleton('Ассанова')).toBe(nameSkeleton('Асанова'));
    expect(nameSkeleton('Асанава')).toBe(nameSkeleton('Асанова'));
    expect(nameSkeleton('Айпери')).toBe(nameSkeleton('Aiperi'));
    expect(nameSkeleton('Айпери')).toBe(nameSkeleton('Aypery'));
  });

  it('count a one-letter slip as similar, but not a different name', () => {
    expect(similar('Токтогулова', 'Токтогулава')).toBe(true);
    expect(similar('Токтогулова', 'Токтоголова')).toBe(true);
    expect(similar('Асанова', 'Осмонова')).toBe(false);
    expect(similar('Ким', 'Ли')).toBe(false);
    expect(similar('', 'Ли')).toBe(false);
  });

  it('measures edit distance, stopping past the limit', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});
