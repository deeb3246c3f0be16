import {
  GIVEN_NAME_GROUPS,
  givenKeyFromSkeleton,
  givenNameKey,
  jaroWinkler,
  memoiseByText,
  nameSkeleton,
  patronymicKey,
  patronymicKeyFromSkeleton,
  surnameKey,
  surnameKeyFromSkeleton,
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
 * (Олександр, Aleksandr, Oleksandr) yields the same key. Then `sg:` keys, one per surname and
 * given name together: a common surname and a common given name each name tens of thousands of
 * people in a large registry, the two together a few hundred, and an index finds those directly.
 * (Migration 2026_11_28_2000 derives the `sg:` keys of existing rows from their `s:` and `g:` keys
 * in SQL, the same way.)
 */
export function personSearchKeys(p: {
  familyName: string;
  givenName: string;
  patronymic: string | null;
}): string[] {
  const surnames = surnameKeysOf(p.familyName);
  const givens = givenKeysOf(p.givenName);
  const keys = [...surnames, ...givens, ...patronymicKeysOf(p.patronymic ?? '')];
  for (const s of surnames) for (const g of givens) keys.push(pairKey(s.slice(2), g.slice(2)));
  return keys;
}

/** One part's keys (`s:…`, `g:…` or `p:…`), each once; a word with no letters gives none. */
const partKeys = (tag: string, key: (word: string) => string) =>
  memoiseByText((text: string) =>
    [...new Set(words(text).map((w) => `${tag}${key(w)}`))].filter((k) => k.length > tag.length),
  );
// Names repeat far more than people do: each distinct name part is worked out once.
const surnameKeysOf = partKeys('s:', surnameKey);
const givenKeysOf = partKeys('g:', givenNameKey);
const patronymicKeysOf = partKeys('p:', patronymicKey);

const pairKey = (surname: string, given: string) => `sg:${surname}|${given}`;

/**
 * The distinct keys of single name parts (`s:`, `g:`, `p:`) among these persons' keys: the rows of
 * `person_search_terms` they need. Pairs are only ever looked up exactly, so they have none. The
 * same rule as the persons trigger's `k ~ '^[sgp]:'`, for a bulk import that adds its terms itself.
 */
export function searchTermsOf(keyLists: Iterable<readonly string[]>): string[] {
  const terms = new Set<string>();
  for (const keys of keyLists)
    for (const k of keys) if (k[1] === ':' && (k[0] === 's' || k[0] === 'g' || k[0] === 'p')) terms.add(k);
  return [...terms];
}

/**
 * The typed words' key sets with two of them — one holding surname keys, the other given-name
 * keys — replaced by one set of `sg:` keys (both readings of which word is which): the same
 * persons, found through small index entries instead of two large ones. A person is then found
 * only with that word as surname and the other as given name, not as a patronymic.
 */
export function pairKeySets(sets: string[][]): string[][] {
  const part = (set: string[], tag: string) =>
    set.filter((k) => k.startsWith(tag)).map((k) => k.slice(tag.length));
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const pairs = new Set<string>();
      for (const [a, b] of [
        [sets[i]!, sets[j]!],
        [sets[j]!, sets[i]!],
      ] as const)
        for (const s of part(a, 's:')) for (const g of part(b, 'g:')) pairs.add(pairKey(s, g));
      if (pairs.size > 0) return [[...pairs], ...sets.filter((_, k) => k !== i && k !== j)];
    }
  }
  return sets;
}

/** A typed word may be any name part: it matches a person holding any of these keys. */
export function queryWordKeys(word: string): string[] {
  return [`s:${surnameKey(word)}`, `g:${givenNameKey(word)}`, `p:${patronymicKey(word)}`];
}

export function searchText(p: { familyName: string; givenName: string; patronymic: string | null }): string {
  // Part by part, so that each distinct name is transliterated once (see memoiseByText): the same
  // text as the whole name at once, since KMU 2010 reads every word on its own.
  return [p.familyName, p.givenName, p.patronymic ?? '']
    .map((part) => transliterateKmu2010(part))
    .join(' ')
    .toLowerCase()
    .trim();
}

export function queryNameWords(q: string): string[] {
  return words(q.replace(/[^\p{L}\p{M}'’ʼ`\s-]/gu, ' ')).filter((w) => nameSkeleton(w).length > 0);
}

/**
 * Skeletons of a typed word: its own, and for a word in Latin letters the readings of habits the
 * skeleton alone cannot tell apart: "h" for х (Myhailo, Harkiv), "j" for ж (Jitomir) and "tch"
 * for ч (French spelling). The first is the word's own.
 */
export function queryWordSkeletons(word: string): string[] {
  const own = nameSkeleton(word);
  if (!/[a-z]/i.test(word) || /\p{Script=Cyrillic}/u.test(word)) return [own];
  const lower = word.toLowerCase();
  const habits = [
    (s: string) => s.replace(/(?<![kzscg])h/g, 'kh'),
    (s: string) => s.replace(/j/g, 'zh'),
    (s: string) => s.replace(/tch/g, 'ch'),
  ];
  const all = habits.reduce((s, f) => f(s), lower);
  return [...new Set([own, ...habits.map((f) => nameSkeleton(f(lower))), nameSkeleton(all)])].filter(
    (sk) => sk.length > 0,
  );
}

/** Patronymics end in -ич or -на (Петрович, Іллич, Петрівна, Petrovych, Petrovna). */
const PATRONYMIC_LIKE = /(?:iQ|na)$/;

/**
 * The keys a word with one of these skeletons would have as a surname, given name or patronymic.
 * A bare given name counts as a patronymic only when it may be one not finished yet (`unfinished`):
 * "Сергій" alone means the given name, and the patronymic key would bring in every Сергійович.
 */
export function skeletonKeys(skeletons: string[], unfinished = true): string[] {
  const keys = new Set<string>();
  for (const sk of skeletons) {
    keys.add(`s:${surnameKeyFromSkeleton(sk)}`);
    keys.add(`g:${givenKeyFromSkeleton(sk)}`);
    if (unfinished || PATRONYMIC_LIKE.test(sk)) keys.add(`p:${patronymicKeyFromSkeleton(sk)}`);
  }
  return [...keys].filter((k) => k.length > 2);
}

let givenForms: { skeleton: string; keys: string[] }[] | undefined;

/** Every listed spelling of a common given name, with its keys (a man's name also as a patronymic). */
function givenNameForms() {
  if (givenForms) return givenForms;
  const bySkeleton = new Map<string, string[]>();
  for (const g of GIVEN_NAME_GROUPS) {
    for (const form of g.forms) {
      const sk = nameSkeleton(form);
      const key = givenKeyFromSkeleton(sk);
      if (!bySkeleton.has(sk)) bySkeleton.set(sk, g.sex === 'M' ? [`g:${key}`, `p:${key}`] : [`g:${key}`]);
    }
  }
  givenForms = [...bySkeleton].map(([skeleton, keys]) => ({ skeleton, keys }));
  return givenForms;
}

/** Shortest skeleton that may be taken for the beginning of a longer name. */
export const MIN_PREFIX = 3;
/** Jaro–Winkler likeness from which a skeleton counts as a misspelling of a common given name. */
const GIVEN_NAME_LIKENESS = 0.85;

/**
 * Keys of the common given names (the list in packages/matching, not the registry) that begin with
 * one of these skeletons (`prefix`) or look like a misspelling of it (`similar`).
 */
export function givenNameKeysNear(skeletons: string[], how: 'prefix' | 'similar'): string[] {
  const keys = new Set<string>();
  for (const form of givenNameForms()) {
    const near = skeletons.some((sk) =>
      how === 'prefix'
        ? sk.length >= MIN_PREFIX && form.skeleton.startsWith(sk)
        : jaroWinkler(sk, form.skeleton) >= GIVEN_NAME_LIKENESS,
    );
    if (near) for (const k of form.keys) keys.add(k);
  }
  return [...keys];
}

/** What the search needs to know about the name keys in use, from the registry's table of them. */
export interface SearchTermLookup {
  /**
   * Those of `keys` that some person holds, and for each group of (key-tagged) prefixes the keys
   * in use that begin with one of them, closest first, at most `limit` a group.
   */
  find(
    keys: string[],
    prefixGroups: string[][],
    limit: number,
  ): Promise<{ present: string[]; completions: string[][] }>;
  /** Keys in use whose word looks like one of these skeletons (trigram likeness), likest first. */
  similar(skeletons: string[], limit: number): Promise<string[]>;
}

/** How many key completions of an unfinished word, and look-alikes of a misspelt one, are tried. */
const PREFIX_TERMS = 60;
const SIMILAR_TERMS = 12;

/**
 * For each typed word, the keys a person must hold one of: the word's own keys when someone holds
 * them; otherwise the keys it begins (a name not finished yet); otherwise the keys it looks like (a
 * misspelling). The last word may also be a patronymic being typed ("Петро" for Петрович): that
 * weaker reading is added, but does not stand in the way of the others. Null when some word
 * matches nothing at all: then nobody is found.
 */
export async function resolveQueryWords(
  words: string[],
  lookup: SearchTermLookup,
): Promise<string[][] | null> {
  const skeletons = words.map(queryWordSkeletons);
  const strong = skeletons.map((sks) => skeletonKeys(sks, false));
  const weak = skeletons.map((sks, i) => {
    if (i < words.length - 1) return [];
    const own = new Set(strong[i]);
    return skeletonKeys(sks, true).filter((k) => !own.has(k));
  });
  // A word's completions are asked for with its own keys, in case it turns out to need them.
  const long = skeletons.map((sks) => sks.filter((sk) => sk.length >= MIN_PREFIX));
  const found = await lookup.find(
    [...new Set([...strong.flat(), ...weak.flat()])],
    long.map((sks) => sks.flatMap((sk) => [`s:${sk}`, `g:${sk}`, `p:~${sk}`])),
    PREFIX_TERMS,
  );
  const present = new Set(found.present);
  const resolved: string[][] = [];
  for (const [i, sks] of skeletons.entries()) {
    const weakKeys = weak[i]!.filter((k) => present.has(k));
    let keys = strong[i]!.filter((k) => present.has(k));
    if (keys.length === 0) keys = [...givenNameKeysNear(long[i]!, 'prefix'), ...found.completions[i]!];
    if (keys.length === 0)
      keys = [...givenNameKeysNear(sks, 'similar'), ...(await lookup.similar(sks, SIMILAR_TERMS))];
    keys = [...new Set([...keys, ...weakKeys])];
    if (keys.length === 0) return null;
    resolved.push(keys);
  }
  return resolved;
}

// Names repeat a great deal (a few thousand surnames and given names cover most people), and a
// search ranks hundreds of candidates: their skeletons are remembered, up to a bound.
const cachedSkeleton = memoiseByText(nameSkeleton, 50_000);

type NameParts = { familyName: string; givenName: string; patronymic: string | null };

/**
 * Ranks candidates: for each typed word, its best likeness to any of the person's name words (on
 * phonetic skeletons, so script and scheme do not matter, over the word's Latin readings), averaged.
 */
export function nameRanker(queryWords: string[]): (p: NameParts) => number {
  const typed = queryWords.map(queryWordSkeletons);
  // Candidates share their names a great deal: each typed word's likeness to a name word is
  // worked out once per search.
  const likeness = typed.map((sks) => {
    const seen = new Map<string, number>();
    return (nameWord: string) => {
      let best = seen.get(nameWord);
      if (best === undefined) {
        const n = cachedSkeleton(nameWord);
        best = 0;
        for (const sk of sks) best = Math.max(best, jaroWinkler(sk, n));
        seen.set(nameWord, best);
      }
      return best;
    };
  });
  return (p) => {
    const nameWords = [...words(p.familyName), ...words(p.givenName), ...words(p.patronymic)];
    if (typed.length === 0 || nameWords.length === 0) return 0;
    let total = 0;
    for (const like of likeness) {
      let best = 0;
      for (const w of nameWords) best = Math.max(best, like(w));
      total += best;
    }
    return Math.round((total / typed.length) * 1000) / 1000;
  };
}

export const rankNameMatch = (queryWords: string[], p: NameParts) => nameRanker(queryWords)(p);
