import {
  givenNameKey,
  jaroWinkler,
  nameSkeleton,
  patronymicKey,
  surnameKey,
  transliterateKmu2010,
} from '@oselia/matching';

/** Name parts split into words: double surnames and hyphenated given names count word by word. */
const words = (text: string | null | undefined) =>
  (text ?? '')
    .split(/[\s\-–]+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);

/**
 * Phonetic keys of a person's names, tagged by part: `s:` surname (gender-neutral), `g:` given
 * name (Ukrainian and Russian forms share one), `p:` patronymic. Every spelling of a name family
 * (Олександр, Aleksandr, Oleksandr) yields the same key.
 */
export function personSearchKeys(p: {
  familyName: string;
  givenName: string;
  patronymic: string | null;
}): string[] {
  const keys = new Set<string>();
  for (const w of words(p.familyName)) keys.add(`s:${surnameKey(w)}`);
  for (const w of words(p.givenName)) keys.add(`g:${givenNameKey(w)}`);
  for (const w of words(p.patronymic)) keys.add(`p:${patronymicKey(w)}`);
  return [...keys].filter((k) => k.length > 2);
}

/** A typed word may be any name part: it matches a person holding any of these keys. */
export function queryWordKeys(word: string): string[] {
  return [`s:${surnameKey(word)}`, `g:${givenNameKey(word)}`, `p:${patronymicKey(word)}`];
}

export function searchText(p: { familyName: string; givenName: string; patronymic: string | null }): string {
  return transliterateKmu2010([p.familyName, p.givenName, p.patronymic ?? ''].join(' '))
    .toLowerCase()
    .trim();
}

export function queryNameWords(q: string): string[] {
  return words(q.replace(/[^\p{L}\p{M}'’ʼ`\s-]/gu, ' ')).filter((w) => nameSkeleton(w).length > 0);
}

/**
 * Ranks a candidate: for each typed word, its best likeness to any of the person's name words
 * (on phonetic skeletons, so script and scheme do not matter), averaged.
 */
export function rankNameMatch(
  queryWords: string[],
  p: { familyName: string; givenName: string; patronymic: string | null },
): number {
  const nameSkeletons = [...words(p.familyName), ...words(p.givenName), ...words(p.patronymic)].map(
    nameSkeleton,
  );
  if (queryWords.length === 0 || nameSkeletons.length === 0) return 0;
  let total = 0;
  for (const w of queryWords) {
    const sk = nameSkeleton(w);
    total += Math.max(...nameSkeletons.map((n) => jaroWinkler(sk, n)));
  }
  return Math.round((total / queryWords.length) * 1000) / 1000;
}
