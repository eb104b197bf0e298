// The functions' half of the one contract: every action of the registry answers the result type the rules package
// declares for it (`ActionResults` in shared/src/api/results.ts), which the client's calls are typed with. The type
// assertions below fail `tsc -p cloudfunctions` when a handler's inferred result drifts from its declared type (or an
// action has none); the runtime test fails jest when the registry and the declared table name different actions.
// The client's half (real answers read by the client's readers): client/src/services/__tests__/contract.test.ts.
import type { ActionResult, ActionResults, ResultActionName, ResultFunctionName } from '@hz-points/shared';
import { REGISTRY } from '../../src/functions/registry';
import { accounts } from '../../src/functions/accounts';
import { applications } from '../../src/functions/applications';
import { calendarFunction } from '../../src/functions/calendar';
import { certificatesFunction } from '../../src/functions/certificates';
import { files } from '../../src/functions/files';
import { objections } from '../../src/functions/objections';
import { remindersFunction } from '../../src/functions/reminders';
import { review } from '../../src/functions/review';
import { roundsFunction } from '../../src/functions/rounds';
import { rosterFunction } from '../../src/functions/roster';
import { settlementFunction } from '../../src/functions/settlement';
import { statsFunction } from '../../src/functions/stats';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- read only through `typeof`: the registry's types
const FUNCTIONS = {
  accounts,
  files,
  applications,
  review,
  objections,
  certificates: certificatesFunction,
  rounds: roundsFunction,
  settlement: settlementFunction,
  reminders: remindersFunction,
  calendar: calendarFunction,
  roster: rosterFunction,
  stats: statsFunction,
};
type Functions = typeof FUNCTIONS;
type Actions<F extends keyof Functions> = Functions[F]['actions'];
/** What `run` of F.A resolves to, as the compiler infers it from the handler. */
type Inferred<F extends keyof Functions, A extends keyof Actions<F>> = Actions<F>[A] extends {
  run(...args: any[]): Promise<infer R>;
}
  ? R
  : never;

/** `true` where F.A's inferred result is assignable to its declared result, else the pair's name (shown by tsc). */
type Conforms = {
  [F in ResultFunctionName & keyof Functions]: {
    [A in ResultActionName<F> & keyof Actions<F>]: [Inferred<F, A>] extends [ActionResult<F, A>] ? true : `${F}.${A}`;
  };
};
/** The names of the actions that do not conform (never when all do). */
type NonConforming = {
  [F in keyof Conforms]: {
    [A in keyof Conforms[F]]: Conforms[F][A] extends true ? never : Conforms[F][A];
  }[keyof Conforms[F]];
}[keyof Conforms];
/** Compiles only when every action conforms; otherwise tsc names them ("'rounds.get'" is not assignable to never). */
const nonConforming: NonConforming[] = [];
const conforms: [NonConforming] extends [never] ? true : NonConforming = true;

/** Every function and action of the registry has a declared result, and every declared result an action. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const sameFunctions: SameKeys<Functions, ActionResults> = true;
type ActionKeysMatch = { [F in keyof Functions & keyof ActionResults]: SameKeys<Actions<F>, ActionResults[F]> };
const sameActions: ActionKeysMatch[keyof ActionKeysMatch] = true;

/** The declared table's action names, spelled out (the compiler requires exactly the declared set). */
const DECLARED: { [F in ResultFunctionName]: Record<ResultActionName<F>, true> } = {
  accounts: {
    register: true,
    me: true,
    addDependent: true,
    listSubjects: true,
    endRelation: true,
    createEntrustment: true,
    confirmEntrustment: true,
    revokeEntrustment: true,
    listEntrustments: true,
    grantRole: true,
    revokeRole: true,
    findStaffCandidate: true,
    grantStaffRole: true,
    revokeStaffRole: true,
    listStaff: true,
    roleHistory: true,
    bindAtWindow: true,
    exportMyData: true,
    deleteAccount: true,
  },
  files: { read: true, prepareUpload: true, commitUpload: true },
  applications: { saveDraft: true, get: true, list: true, submit: true, supplement: true },
  review: { queue: true, getItem: true, decide: true, decideMany: true },
  objections: { file: true, list: true, answer: true },
  certificates: {
    issue: true,
    list: true,
    download: true,
    revoke: true,
    liftRevocation: true,
    verify: true,
    publicKey: true,
  },
  rounds: {
    open: true,
    adjust: true,
    close: true,
    get: true,
    setLine: true,
    publish: true,
    results: true,
    myStanding: true,
    publicationStatus: true,
  },
  settlement: { apply: true, get: true, withdraw: true, recordSettled: true },
  reminders: { list: true, sweep: true, recordSubscription: true, templates: true, send: true },
  calendar: { registerYear: true, list: true },
  roster: { import: true, assess: true, board: true, export: true },
  stats: { overview: true, linePreview: true, history: true },
};

describe('the result contract', () => {
  it('type-checks every action against its declared result', () => {
    expect([conforms, sameFunctions, sameActions]).toEqual([true, true, true]);
    expect(nonConforming).toEqual([]);
  });

  it('declares a result for exactly the registry: 12 functions, 68 actions', () => {
    const registry = Object.fromEntries(
      Object.entries(REGISTRY).map(([f, def]) => [f, Object.keys(def.actions).sort()]),
    );
    const declared = Object.fromEntries(
      Object.entries(DECLARED).map(([f, actions]) => [f, Object.keys(actions).sort()]),
    );
    expect(registry).toEqual(declared);
    expect(Object.keys(registry)).toHaveLength(12);
    expect(Object.values(registry).flat()).toHaveLength(68);
  });
});
