// The one contract stays one: a result type (or the envelope) declared in shared/src/api/results.ts is never declared
// again under the same name in the functions' source. Importing or re-exporting it (`export type { X } from ...`) is
// how the functions use it; a second `interface X` or `type X =` is a copy that will drift.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const RESULTS = join(ROOT, 'shared', 'src', 'api', 'results.ts');
const CLOUD_SRC = join(ROOT, 'cloudfunctions', 'src');

/** The type names results.ts exports (`export interface X`, `export type X`). */
function contractNames(): Set<string> {
  const source = readFileSync(RESULTS, 'utf8');
  return new Set([...source.matchAll(/^export (?:interface|type) ([A-Za-z0-9_]+)/gm)].map((m) => m[1]!));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [path] : [];
  });
}

/** The name a line declares as a type (`interface X`, `type X =`), or null (imports and `export type { X }` too). */
function declaredType(line: string): string | null {
  return (
    /^\s*(?:export\s+)?(?:declare\s+)?(?:interface|type)\s+([A-Za-z0-9_]+)(?=\s*(?:[=<{]|extends\b))/.exec(line)?.[1] ??
    null
  );
}

/** `file:line name` for every declaration of a contract name. */
function restatements(files: string[], names: Set<string>): string[] {
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const name = declaredType(line);
        if (name && names.has(name)) found.push(`${relative(ROOT, file)}:${i + 1} ${name}`);
      });
  }
  return found;
}

describe('one declaration per contract type', () => {
  const names = contractNames();

  it('reads the contract names', () => {
    // A few the functions build: if these are missing the scan below proves nothing.
    for (const n of ['Envelope', 'PublicationProgress', 'PointsHistory', 'SendReport', 'PersonalDataExport']) {
      expect(names).toContain(n);
    }
  });

  it('tells a declaration from a use', () => {
    expect(declaredType('export interface SendReport {')).toBe('SendReport');
    expect(declaredType('type Envelope<T> = { ok: true; data: T };')).toBe('Envelope');
    expect(declaredType('  export type PublicationStep =')).toBe('PublicationStep');
    expect(declaredType("export type { Envelope } from '@hz-points/shared';")).toBeNull();
    expect(declaredType("import type { SendReport } from '@hz-points/shared';")).toBeNull();
    expect(declaredType('const report: SendReport = empty();')).toBeNull();
    expect(declaredType('  type RoundView,')).toBeNull(); // a line of a multi-line import
  });

  it('cloudfunctions/src declares none of them again', () => {
    expect(restatements(sourceFiles(CLOUD_SRC), names)).toEqual([]);
  });
});
