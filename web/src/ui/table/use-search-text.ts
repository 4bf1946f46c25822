import { useEffect, useRef, useState } from 'react';

/**
 * A list's free-text filter: typed into local state (so typing never waits on the router), and
 * written to the URL a moment after the last key (`replace`, so Back does not step through every
 * letter). A change of the URL from elsewhere (Back, a link) is taken up. Filter a list the server
 * answers whole by the returned text; query a server-paged list by the URL's.
 */
export function useSearchText(
  urlValue: string | undefined,
  commit: (text: string | undefined) => void,
  delayMs = 300,
): [string, (text: string) => void] {
  const [text, setText] = useState(urlValue ?? '');
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const committed = useRef(urlValue ?? '');
  const latestCommit = useRef(commit);
  latestCommit.current = commit;

  useEffect(() => {
    if ((urlValue ?? '') !== committed.current) {
      committed.current = urlValue ?? '';
      setText(urlValue ?? '');
    }
  }, [urlValue]);
  useEffect(() => () => clearTimeout(pending.current), []);

  const update = (next: string) => {
    setText(next);
    clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      committed.current = next.trim();
      latestCommit.current(next.trim() === '' ? undefined : next.trim());
    }, delayMs);
  };
  return [text, update];
}
