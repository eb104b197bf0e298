// docs/ARCHITECTURE.md walks a newcomer through files by name (`file.ts:function`). A rename or a split that
// forgets the page would send them to nothing, so every named file must exist and hold the named identifier.
import { existsSync, readFileSync } from 'fs';
import path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const PAGE = path.join(REPO, 'docs/ARCHITECTURE.md');
/** Where the page's short paths are rooted (it writes `functions/registry.ts` for cloudfunctions/src/functions/…). */
const ROOTS = [
  '',
  'cloudfunctions/src',
  'cloudfunctions',
  'client/src',
  'client/src/packages',
  'shared/src',
  'shared',
  'client',
];

interface Reference {
  file: string;
  identifier: string | null;
}

function referencesIn(markdown: string): Reference[] {
  const refs: Reference[] = [];
  for (const [, code] of markdown.matchAll(/`([^`\n]+)`/g)) {
    const m = /^([\w./-]+\.(?:ts|tsx|mjs|js|md))(?::([\w.]+))?$/.exec(code.trim());
    if (m) refs.push({ file: m[1], identifier: m[2] ?? null });
  }
  return refs;
}

/** Files the page names that the build writes (cloudfunctions/scripts/build-cloud.mjs), not the repository. */
const GENERATED = new Set(['index.js']);

/**
 * A bare name (`invoke.ts:authorise`) is the page's shorthand for a file it named in full just before, or a sibling
 * page in docs/; a path with a folder is rooted at one of ROOTS.
 */
function resolver(refs: Reference[]): (file: string) => string | null {
  const fullPaths = refs.map((r) => r.file).filter((f) => f.includes('/'));
  return (file) => {
    if (file.includes('/')) return resolveRooted(file);
    const named = fullPaths.find((f) => path.basename(f) === file);
    if (named) return resolveRooted(named);
    const sibling = path.join(REPO, 'docs', file);
    return existsSync(sibling) ? sibling : null;
  };
}

function resolveRooted(file: string): string | null {
  for (const root of ROOTS) {
    const candidate = path.join(REPO, root, file);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

describe('docs/ARCHITECTURE.md names files that exist', () => {
  const refs = referencesIn(readFileSync(PAGE, 'utf8')).filter((r) => !GENERATED.has(r.file));
  const resolve = resolver(refs);

  it('names files at all (the page is the map of one request)', () => {
    expect(refs.length).toBeGreaterThan(20);
  });

  it('every named file exists', () => {
    const missing = refs.filter((r) => resolve(r.file) === null).map((r) => r.file);
    expect(missing).toEqual([]);
  });

  it('every named function, class or constant is in its file', () => {
    const absent = refs
      .filter((r) => r.identifier !== null && resolve(r.file) !== null)
      .filter((r) => {
        const source = readFileSync(resolve(r.file)!, 'utf8');
        return !r.identifier!.split('.').every((part) => new RegExp(`\\b${part}\\b`).test(source));
      })
      .map((r) => `${r.file}:${r.identifier}`);
    expect(absent).toEqual([]);
  });
});
