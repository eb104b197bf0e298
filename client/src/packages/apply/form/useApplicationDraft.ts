// The application being written, as one hook: it loads the newest draft (the local copy of the last typing, or the
// server's draft; a submitted application of the round instead), keeps every change locally at once and saves the
// server draft (applications.saveDraft) on request. The page decides the steps; this hook only holds the data.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IndicatorCode } from '@hz-points/shared';
import { call, newRequestId } from '../common/api';
import { claimFormFromValue, emptyClaimForm, indicatorLabel, toClaimValue, type ClaimForm } from '../common/claims';
import { clearLocalDraft, loadLocalDraft, saveLocalDraft, type LocalDraft } from '../common/draft';
import type { EvidenceFile } from '../common/EvidencePicker';
import { applicationRoundYear, nowInstant, syncClock } from '../common/now';
import { findOpenRoundYear } from '../common/rounds';
import type { Application } from '../common/types';

export type Phase = 'waiting' | 'loading' | 'editing' | 'submitted';

interface DraftClaim {
  indicator: IndicatorCode;
  value: Record<string, unknown>;
  evidence: string[];
}

export type BuiltClaims = { ok: true; claims: DraftClaim[] } | { ok: false; indicator: IndicatorCode; message: string };

type Result<T> = { ok: true; data: T } | { ok: false; message: string };

interface Options {
  /** Storage key of whose form this is (caller and the person acted for). */
  subjectKey: string;
  onBehalfOf?: string;
  /** Only a registered caller may have drafts: nothing is loaded before (the page sends them to 实名登记). */
  enabled: boolean;
}

export function useApplicationDraft({ subjectKey, onBehalfOf, enabled }: Options) {
  const [phase, setPhase] = useState<Phase>(enabled ? 'loading' : 'waiting');
  const [year, setYear] = useState<number>(() => applicationRoundYear(nowInstant()));
  const [selected, setSelected] = useState<IndicatorCode[]>([]);
  const [forms, setForms] = useState<Partial<Record<IndicatorCode, ClaimForm>>>({});
  const [files, setFiles] = useState<Partial<Record<IndicatorCode, EvidenceFile[]>>>({});
  const [step, setStep] = useState(1);
  const [indicatorIndex, setIndicatorIndex] = useState(0);
  const [saving, setSaving] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<Application | null>(null);
  const requestId = useRef<string>(newRequestId());

  useEffect(() => {
    if (!enabled) {
      setPhase('waiting');
      return undefined;
    }
    let alive = true;
    setPhase('loading');
    (async () => {
      const list = await call<{ applications: Application[] }, 'applications', 'list'>(
        'applications',
        'list',
        onBehalfOf ? { onBehalfOf } : {},
      );
      if (!alive) return;
      await syncClock();
      const at = nowInstant();
      const roundYear = await findOpenRoundYear(applicationRoundYear(at), at);
      if (!alive) return;
      const apps = list.ok ? list.data.applications : [];
      const current =
        apps.find((a) => a.year === roundYear) ??
        [...apps].sort((a, b) => b.year - a.year).find((a) => a.status === 'draft') ??
        null;
      setLoadError(list.ok ? null : list.error.message);
      if (current && current.status !== 'draft') {
        setSubmitted(current);
        setPhase('submitted');
        return;
      }
      // A local draft of another round (last year's, never submitted) is not reused.
      const local = loadLocalDraft(subjectKey);
      if (local && local.year === (current?.year ?? roundYear)) {
        setYear(local.year);
        setSelected(local.selected);
        setForms(local.forms);
        setFiles(local.files);
        setStep(local.step);
        setIndicatorIndex(local.indicatorIndex);
        requestId.current = local.requestId;
      } else if (current) {
        setYear(current.year);
        setSelected(current.claims.map((c) => c.indicator));
        setForms(
          Object.fromEntries(current.claims.map((c) => [c.indicator, claimFormFromValue(c.indicator, c.value)])),
        );
        setFiles(
          Object.fromEntries(
            current.claims.map((c) => [c.indicator, c.evidence.map((fileId, i) => ({ fileId, name: `材料${i + 1}` }))]),
          ),
        );
      } else setYear(roundYear);
      setPhase('editing');
    })();
    return () => {
      alive = false;
    };
  }, [subjectKey, onBehalfOf, enabled]);

  // Every change is kept locally at once.
  useEffect(() => {
    if (phase !== 'editing') return;
    const draft: LocalDraft = {
      year,
      selected,
      forms,
      files,
      step,
      indicatorIndex,
      requestId: requestId.current,
      savedAt: Date.now(),
    };
    saveLocalDraft(subjectKey, draft);
  }, [phase, subjectKey, year, selected, forms, files, step, indicatorIndex]);

  /** The claims as the server takes them; `strict` stops at the first incomplete one (submit), else skips it. */
  const buildClaims = useCallback(
    (strict: boolean): BuiltClaims => {
      const claims: DraftClaim[] = [];
      for (const code of selected) {
        const v = toClaimValue(code, forms[code] ?? emptyClaimForm(code));
        if (!v.ok) {
          if (strict) return { ok: false, indicator: code, message: `${indicatorLabel(code)}：${v.message}` };
          continue;
        }
        claims.push({ indicator: code, value: v.value, evidence: (files[code] ?? []).map((f) => f.fileId) });
      }
      return { ok: true, claims };
    },
    [selected, forms, files],
  );

  const saveServerDraft = useCallback(
    async (strict = false): Promise<Result<Application>> => {
      const built = buildClaims(strict);
      if (!built.ok) return { ok: false, message: built.message };
      setSaving(true);
      const res = await call<{ application: Application }, 'applications', 'saveDraft'>('applications', 'saveDraft', {
        year,
        claims: built.claims,
        ...(onBehalfOf ? { onBehalfOf } : {}),
      });
      setSaving(false);
      return res.ok ? { ok: true, data: res.data.application } : { ok: false, message: res.error.message };
    },
    [buildClaims, year, onBehalfOf],
  );

  /** Sends the application (after the server draft holds exactly what is on screen); retries reuse one request id. */
  const submit = useCallback(async (): Promise<Result<Application>> => {
    const saved = await saveServerDraft(true);
    if (!saved.ok) return saved;
    const res = await call<{ application: Application }, 'applications', 'submit'>('applications', 'submit', {
      applicationId: saved.data.applicationId,
      commitment: true,
      requestId: requestId.current,
    });
    if (!res.ok) return { ok: false, message: res.error.message };
    clearLocalDraft(subjectKey);
    setSubmitted(res.data.application);
    setPhase('submitted');
    return { ok: true, data: res.data.application };
  }, [saveServerDraft, subjectKey]);

  const toggle = useCallback((code: IndicatorCode, on: boolean) => {
    setSelected((s) => (on ? [...s.filter((c) => c !== code), code] : s.filter((c) => c !== code)));
    if (on) setForms((f) => (f[code] ? f : { ...f, [code]: emptyClaimForm(code) }));
  }, []);

  const setForm = useCallback(
    (code: IndicatorCode, form: ClaimForm) => setForms((all) => ({ ...all, [code]: form })),
    [],
  );
  const setFilesOf = useCallback(
    (code: IndicatorCode, list: EvidenceFile[]) => setFiles((all) => ({ ...all, [code]: list })),
    [],
  );

  return {
    phase,
    year,
    selected,
    setSelected,
    forms,
    files,
    step,
    setStep,
    indicatorIndex,
    setIndicatorIndex,
    saving,
    loadError,
    submitted,
    toggle,
    setForm,
    setFilesOf,
    buildClaims,
    saveServerDraft,
    submit,
  };
}
