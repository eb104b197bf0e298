import type { Runtime } from '../core/runtime';

/**
 * The demo module (domain-owned, `src/demo/seed.ts`): `seedDemo(runtime)` and the personas list. Loaded by name so
 * the local cloud starts (without demo data) before that module exists; switch to a static import once it does.
 */
export interface DemoModule {
  seedDemo?: (runtime: Runtime) => Promise<unknown>;
  personas: unknown;
}

export function loadDemo(): DemoModule {
  const moduleName = '../demo/seed';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(moduleName) as Record<string, unknown>;
    const personas = mod.PERSONAS ?? mod.DEMO_PERSONAS ?? mod.personas ?? [];
    return { seedDemo: typeof mod.seedDemo === 'function' ? (mod.seedDemo as DemoModule['seedDemo']) : undefined, personas };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((err as Error).message).includes('demo/seed')) {
      return { personas: [] };
    }
    throw err;
  }
}

export const SEED_META = { collection: 'meta', id: 'demoSeed' } as const;

/** Seeds once per data folder: a `meta/demoSeed` document marks it done. */
export async function seedOnce(runtime: Runtime, demo: DemoModule): Promise<'seeded' | 'already' | 'unavailable'> {
  if (!demo.seedDemo) return 'unavailable';
  if (await runtime.store.get(SEED_META.collection, SEED_META.id)) return 'already';
  await demo.seedDemo(runtime);
  await runtime.store.set(SEED_META.collection, { _id: SEED_META.id, seededAt: runtime.now().toISOString() });
  return 'seeded';
}
