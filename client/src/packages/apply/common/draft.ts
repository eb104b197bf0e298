// Local copy of an unfinished application, so closing the app loses nothing even offline; the server copy
// (applications.saveDraft) is written at each step. Keyed by the person the form is for.
import Taro from '@tarojs/taro';
import type { IndicatorCode } from '@hz-points/shared';
import type { ClaimForm } from './claims';
import type { EvidenceFile } from './EvidencePicker';

export interface LocalDraft {
  year: number;
  selected: IndicatorCode[];
  forms: Partial<Record<IndicatorCode, ClaimForm>>;
  files: Partial<Record<IndicatorCode, EvidenceFile[]>>;
  step: number;
  indicatorIndex: number;
  requestId: string;
  savedAt: number;
}

const key = (subject: string) => `hz.flows.applyDraft.${subject}`;

export function loadLocalDraft(subject: string): LocalDraft | null {
  try {
    const v = Taro.getStorageSync(key(subject)) as LocalDraft | '' | undefined;
    return v && typeof v === 'object' && Array.isArray(v.selected) ? v : null;
  } catch {
    return null;
  }
}

export function saveLocalDraft(subject: string, draft: LocalDraft): void {
  try {
    Taro.setStorageSync(key(subject), draft);
  } catch {
    /* storage full: the server draft still holds the form */
  }
}

export function clearLocalDraft(subject: string): void {
  try {
    Taro.removeStorageSync(key(subject));
  } catch {
    /* nothing stored */
  }
}
