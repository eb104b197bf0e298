import type { Runtime } from '../core/runtime';
import { DEMO_PERSONAS, seedDemo } from '../demo/seed';

/** The demo data the local cloud seeds on first start (domain-owned module `src/demo/seed.ts`). */
export interface DemoModule {
  seedDemo?: (runtime: Runtime) => Promise<unknown>;
  personas: unknown;
}

export function loadDemo(): DemoModule {
  return { seedDemo, personas: DEMO_PERSONAS };
}

const SEED_META = { collection: 'meta', id: 'demoSeed' } as const;

/** Seeds once per data folder: a `meta/demoSeed` document marks it done. */
export async function seedOnce(runtime: Runtime, demo: DemoModule): Promise<'seeded' | 'already' | 'unavailable'> {
  if (!demo.seedDemo) return 'unavailable';
  if (await runtime.store.get(SEED_META.collection, SEED_META.id)) return 'already';
  await demo.seedDemo(runtime);
  await runtime.store.set(SEED_META.collection, { _id: SEED_META.id, seededAt: runtime.now().toISOString() });
  return 'seeded';
}
