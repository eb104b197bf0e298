import { startTransition, useEffect, useState } from 'react';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * H5 only: false for the first render, then true in a transition right after it. The first render draws the total and
 * the round; the form, the item list and the plan follow in a render the browser may interrupt. Drawing the whole
 * page at once kept the total off a slow phone's screen for over a second of rendering and layout (issue 10: on a
 * 4x-slowed CPU the form's first section alone took ~1 s to render and lay out). The mini-program keeps its one
 * render.
 */
export function useRestOfPage(): boolean {
  const [ready, setReady] = useState(!isH5);
  useEffect(() => {
    if (!ready) startTransition(() => setReady(true));
  }, [ready]);
  return ready;
}
