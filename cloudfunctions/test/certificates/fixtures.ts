// Scored applications made the way the domain makes them — through `invoke`: the person saves and submits the claims
// on the day that makes the result fall on `resultOn`, and each department's reviewer approves what was claimed. For
// certificate, round and settlement tests that need a published result (the year test drives the same flow by hand).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resultDate } from '@hz-points/shared';
import { seedDemo } from '../../src/demo/seed';
import { COLLECTIONS } from '../../src/core/collections';
import { invoke } from '../../src/core/invoke';
import type { ApplicationDoc, PersonDoc } from '../../src/core/model';
import type { Runtime } from '../../src/core/runtime';
import { LocalFileStore } from '../../src/storage/files-local';
import { createTestCloud, type TestCloud } from '../helpers/runtime';
import { downloadLink } from '../helpers/download';

export const bj = (local: string) => new Date(`${local}+08:00`).toISOString();

/** A seeded cloud whose clock starts at `startLocal` (Beijing), with the demo round of that year open. */
export async function seededCloud(startLocal: string): Promise<TestCloud> {
  const cloud = createTestCloud(bj(startLocal));
  await seedDemo(cloud.runtime);
  return cloud;
}

/** Which claim a calculator-profile field belongs to (the claim value is those fields, as the form sends them). */
const INDICATOR_OF_FIELD: Record<string, string> = {
  education: 'education',
  hasDiplomaAndDegree: 'education',
  socialInsuranceMonths: 'socialInsurance',
  residenceRegistrationYears: 'residenceRegistration',
  rentalYears: 'rental',
};

export const DEFAULT_PROFILE = {
  education: 'bachelor',
  hasDiplomaAndDegree: true,
  socialInsuranceMonths: 48,
  residenceRegistrationYears: 4,
  rentalYears: 4,
};

/** The claims a person sends for `profile`: one per indicator, the profile's fields as its value. */
export function claimsFor(
  profile: Record<string, unknown>,
): Array<{ indicator: string; value: Record<string, unknown>; evidence: string[] }> {
  const byIndicator = new Map<string, Record<string, unknown>>();
  for (const [field, value] of Object.entries(profile)) {
    const indicator = INDICATOR_OF_FIELD[field];
    if (!indicator) throw new Error(`claimsFor: no claim carries the profile field ${field}`);
    byIndicator.set(indicator, { ...byIndicator.get(indicator), [field]: value });
  }
  return [...byIndicator].map(([indicator, value]) => ({ indicator, value, evidence: [] }));
}

/** The latest day whose submission gives a result day (20 working days later) on or before `resultOn`. */
function submissionDayFor(resultOn: string): string {
  let day = new Date(`${resultOn}T12:00:00+08:00`);
  for (let i = 0; i < 60; i++) {
    const d = day.toISOString().slice(0, 10);
    if (resultDate(d) <= resultOn) return d;
    day = new Date(day.getTime() - 86_400_000);
  }
  throw new Error(`no submission day for a result on ${resultOn}`);
}

/**
 * Gives `personId` (who has WeChat) an application of `year` whose result is published on `resultOn`: submitted by
 * the person on the day that makes it so, every item approved as claimed by its department's demo reviewer (the last
 * decision on `resultOn` when the 20 working days end earlier, since a late decision delays the result). The clock
 * is moved for the flow and put back where it was.
 */
export async function scoredApplication(
  given: TestCloud | Pick<TestCloud, 'store'>,
  personId: string,
  year: number,
  resultOn: string,
  profile: Record<string, unknown> = DEFAULT_PROFILE,
): Promise<ApplicationDoc> {
  const cloud = 'runtime' in given ? given : overStore(given.store);
  const person = (await cloud.store.get<PersonDoc>(COLLECTIONS.persons, personId))!;
  if (!person.openid) throw new Error(`scoredApplication: ${personId} has no WeChat; drive a delegate instead`);
  const before = cloud.runtime.now().toISOString();
  const submitOn = submissionDayFor(resultOn);
  cloud.setNow(bj(`${submitOn}T09:00:00`));
  const { application } = await cloud.ok(person.openid, 'applications', 'saveDraft', {
    year,
    claims: claimsFor(profile),
  });
  await cloud.ok(person.openid, 'applications', 'submit', {
    applicationId: application.applicationId,
    commitment: true,
    requestId: `fixture-${personId}-${year}`,
  });
  if (resultDate(submitOn) < resultOn) cloud.setNow(bj(`${resultOn}T08:00:00`));
  const { items } = await cloud.ok(person.openid, 'applications', 'get', { applicationId: application.applicationId });
  for (const item of items as Array<{ itemId: string; department: string; claimed: Record<string, unknown> }>) {
    await cloud.ok(`demo-reviewer-${item.department}`, 'review', 'decide', {
      itemId: item.itemId,
      decision: 'approved',
      acceptedValue: item.claimed,
    });
  }
  cloud.setNow(before);
  const app = (await cloud.store.get<ApplicationDoc>(COLLECTIONS.applications, application.applicationId))!;
  if (app.status !== 'scored' || app.resultOn !== resultOn)
    throw new Error(`scoredApplication: result on ${app.resultOn}, expected ${resultOn}`);
  return app;
}

/**
 * For a caller that has only a store (e.g. the CloudBase stand-in test, whose runtime keeps its own clock): the
 * same actions through `invoke` on that store, with a clock of the flow's own (files unused: the claims carry none).
 */
function overStore(store: TestCloud['store']): Pick<TestCloud, 'store' | 'runtime' | 'setNow' | 'ok'> {
  let now = new Date(0);
  const runtime: Runtime = {
    store,
    files: new LocalFileStore(path.join(mkdtempSync(path.join(tmpdir(), 'hz-fixture-')), 'files')),
    now: () => new Date(now.getTime()),
    secrets: { certificateKey: 'fixture-flow-key-unused' },
    log: () => undefined,
  };
  return {
    store,
    runtime,
    setNow: (iso) => {
      now = new Date(iso);
    },
    async ok(openid, fn, action, payload = {}) {
      const r = await invoke(fn, { action, ...payload }, { openid }, runtime);
      if (!r.ok) throw new Error(`${fn}.${action} failed: ${r.error.code} ${r.error.message}`);
      return r.data as any;
    },
  };
}

/**
 * The PDF behind a `certificates.download` answer, fetched the way a client does: by following its short-lived link
 * (at the runtime's clock). Fails the test when the link does not open.
 */
export async function pdfBehind(cloud: Pick<TestCloud, 'runtime'>, answer: { url: string }): Promise<Buffer> {
  const bytes = await downloadLink(cloud.runtime, answer.url);
  if (!bytes) throw new Error(`the download link did not open: ${answer.url}`);
  return bytes;
}
