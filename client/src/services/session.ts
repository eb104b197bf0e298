// Who is using the app: the caller (`me`, from accounts.me), and the person they are acting for, if any.
// Acting for someone is app-wide state so every page can show the ActingForBanner and pass `onBehalfOf`.
import { callFunction } from './cloud';
import { currentPersona, personaStore, setPersona as setPersonaOpenid } from './persona';
import { createStore, useStore } from '../lib/store';

export type { StaffRole } from '@hz-points/shared';
import type { StaffRole } from '@hz-points/shared';

export interface StaffRoleGrant {
  role: StaffRole;
  department?: string;
}

/** The caller as the client needs it. Built leniently from accounts.me so a new server field never breaks a page. */
export interface Me {
  openid?: string;
  registered: boolean;
  name?: string;
  /** Already masked by the server for anyone but the owner; the owner sees their own number. */
  idNumber?: string;
  phone?: string;
  roles: StaffRoleGrant[];
}

/** A person the caller acts for (accounts.listSubjects): employer entrustment or guardianship. */
export interface ActingFor {
  personId: string;
  name: string;
  /** Chinese description of the relation, e.g. '委托代办（用人单位）' or '监护人'. */
  relationLabel: string;
}

export interface SessionState {
  /** H5 local mode: the persona's openid; weapp: undefined (the platform knows it, the client does not). */
  openid: string | null | undefined;
  me: Me | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: { code: string; message: string } | null;
  actingFor: ActingFor | null;
}

const isH5 = process.env.TARO_ENV === 'h5';

export const sessionStore = createStore<SessionState>({
  openid: isH5 ? currentPersona() : undefined,
  me: null,
  status: 'idle',
  error: null,
  actingFor: null,
});

const ROLE_VALUES: readonly StaffRole[] = ['reviewer', 'district-office', 'admin'];

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function parseRoles(raw: unknown): StaffRoleGrant[] {
  if (!Array.isArray(raw)) return [];
  const out: StaffRoleGrant[] = [];
  for (const r of raw) {
    if (typeof r === 'string') {
      // Accept 'reviewer:hrss' as well as 'admin'.
      const [role, department] = r.split(':');
      if (ROLE_VALUES.includes(role as StaffRole))
        out.push({ role: role as StaffRole, department: department || undefined });
    } else if (r && typeof r === 'object') {
      const role = (r as { role?: unknown }).role;
      if (ROLE_VALUES.includes(role as StaffRole))
        out.push({ role: role as StaffRole, department: asString((r as { department?: unknown }).department) });
    }
  }
  return out;
}

/**
 * Normalise the accounts.me payload — `{ openid, person | null, roles, department | null }` (cloudfunctions/API.md).
 * Exported for tests.
 */
export function toMe(data: unknown): Me {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const person = (d.person && typeof d.person === 'object' ? d.person : null) as Record<string, unknown> | null;
  const department = asString(d.department);
  const roles = parseRoles(d.roles).map((r) =>
    r.role === 'reviewer' && !r.department && department ? { ...r, department } : r,
  );
  return {
    openid: asString(d.openid),
    registered: person !== null,
    name: person ? asString(person.name) : undefined,
    idNumber: person ? asString(person.idNumber) : undefined,
    phone: person ? asString(person.phone) : undefined,
    roles,
  };
}

let inflight: Promise<void> | null = null;

/** Load (or reload) `me`. Concurrent callers share one request. */
export function refreshMe(): Promise<void> {
  if (inflight) return inflight;
  sessionStore.set((s) => ({ ...s, status: 'loading', error: null }));
  inflight = callFunction('accounts', { action: 'me' })
    .then((env) => {
      if (env.ok) sessionStore.set((s) => ({ ...s, me: toMe(env.data), status: 'ready', error: null }));
      else sessionStore.set((s) => ({ ...s, me: null, status: 'error', error: env.error }));
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

export function setActingFor(person: ActingFor | null): void {
  sessionStore.set((s) => ({ ...s, actingFor: person }));
}

/** H5 local mode: become another demo persona. Drops `me` and any acting-for, then reloads `me`. */
export function switchPersona(openid: string | null): Promise<void> {
  setPersonaOpenid(openid);
  sessionStore.set((s) => ({ ...s, openid, me: null, status: 'idle', error: null, actingFor: null }));
  return refreshMe();
}

// Keep the session in step if the persona changes elsewhere (another tab of the same module instance).
personaStore.subscribe(() => {
  const openid = personaStore.get();
  if (sessionStore.get().openid !== openid && isH5) sessionStore.set((s) => ({ ...s, openid }));
});

export function hasRole(me: Me | null, role: StaffRole): boolean {
  return !!me?.roles.some((r) => r.role === role);
}

/** Reviewers, district offices and the administrator see the 审核端 entry. */
export function isStaff(me: Me | null): boolean {
  return !!me && me.roles.length > 0;
}

export interface Session extends SessionState {
  refreshMe: typeof refreshMe;
  setActingFor: typeof setActingFor;
  switchPersona: typeof switchPersona;
  isStaff: boolean;
}

export function useSession(): Session {
  const state = useStore(sessionStore);
  return { ...state, refreshMe, setActingFor, switchPersona, isStaff: isStaff(state.me) };
}
