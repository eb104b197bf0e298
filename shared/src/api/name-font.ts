// Which Han characters a name may contain: those the certificate PDF's embedded fonts print (name-characters.ts,
// generated from the font by cloudfunctions/scripts/make-font.sh). Pure data lookup, shared by the registration form
// and the functions.
import { NAME_HAN_RUNS } from './name-characters';

let runs: Array<[number, number]> | undefined;

/** The runs as sorted [first, last] code point pairs, parsed once. */
function nameHanRuns(): Array<[number, number]> {
  runs ??= NAME_HAN_RUNS.join(' ')
    .split(' ')
    .map((run) => {
      const [a, b] = run.split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number];
    })
    .sort((x, y) => x[0] - y[0]);
  return runs;
}

/** Whether the certificate font has this Han character (binary search over the runs). */
export function isPrintableNameHan(codePoint: number): boolean {
  const r = nameHanRuns();
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (codePoint < r[mid]![0]) hi = mid - 1;
    else if (codePoint > r[mid]![1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const isUnifiedIdeograph = (cp: number) =>
  (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x323af);

/** The Han characters of `name` (each once, in order) the certificate font cannot print. */
export function unprintableNameCharacters(name: string): string[] {
  const missing: string[] = [];
  // Stepping by code point by hand: a transpiled for…of over a string may walk UTF-16 units in the mini-program.
  for (let i = 0; i < name.length;) {
    const cp = name.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    if (isUnifiedIdeograph(cp) && !isPrintableNameHan(cp) && !missing.includes(ch)) missing.push(ch);
  }
  return missing;
}
