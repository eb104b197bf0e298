// The people the caller acts for and the entrustments around them, loaded together and reloaded after each change.
// `run` sends one change: the button waits, the server's refusal goes back to the form that sent it, and the
// success notice is shown at the top (where the lists it changed are).
import { useCallback, useEffect, useState } from 'react';
import type { Envelope } from '@hz-points/shared';
import { call } from '../../apply/common/api';
import type { Subject } from '../../apply/common/types';
import type { Entrustments } from './model';

export function useAgentData() {
  const [subjects, setSubjects] = useState<Subject[] | null>(null);
  const [ents, setEnts] = useState<Entrustments>({ asEmployee: [], asAgent: [] });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const [s, e] = await Promise.all([call('accounts', 'listSubjects', {}), call('accounts', 'listEntrustments', {})]);
    if (!s.ok) {
      setLoadError(s.error.message);
      setSubjects([]);
    } else {
      setLoadError(null);
      setSubjects(s.data.subjects);
    }
    if (e.ok) setEnts(e.data);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** Sends one change; resolves to null on success (and reloads), else the server's Chinese message. */
  const run = useCallback(
    async <T>(p: Promise<Envelope<T>>, done: string): Promise<string | null> => {
      setNotice(null);
      setBusy(true);
      const res = await p;
      setBusy(false);
      if (!res.ok) return res.error.message;
      setNotice(done);
      void load();
      return null;
    },
    [load],
  );

  return { subjects, ents, loadError, notice, busy, run };
}

export type AgentData = ReturnType<typeof useAgentData>;
