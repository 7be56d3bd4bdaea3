import { useEffect, useState } from 'react';

/**
 * Loads `load()` (an API call) when the screen opens and whenever `deps` change (the language, an id), ignoring
 * answers that arrive after the screen was left. Returns [data, error, retry].
 */
export function useLoad(load, deps) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    load().then((d) => live && setData(d)).catch((e) => live && setError(e));
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  return [data, error, () => setAttempt((n) => n + 1)];
}
