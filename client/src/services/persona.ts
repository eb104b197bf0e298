// Local (H5) mode only: which demo person the browser pretends to be. The local cloud trusts the X-WX-OPENID
// header the way WeChat's cloud trusts its own OPENID; in the weapp the platform supplies the identity and this
// module is never consulted.
import { readPref, writePref } from '../lib/storage';
import { createStore } from '../lib/store';

const PERSONA_KEY = 'hz.persona';
const DEFAULT_PERSONA = 'demo-applicant';

/** openid of the chosen persona; null = signed out (no header sent). */
export const personaStore = createStore<string | null>(readPref<string | null>(PERSONA_KEY, DEFAULT_PERSONA));

export function currentPersona(): string | null {
  return personaStore.get();
}

export function setPersona(openid: string | null): void {
  personaStore.set(openid);
  if (openid) writePref(PERSONA_KEY, openid);
  else writePref(PERSONA_KEY, '');
}
