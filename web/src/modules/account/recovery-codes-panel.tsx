import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';

/** The recovery codes, shown once right after set-up, with a clear instruction to store them now. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(`${codes.join('\n')}\n`);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="account-mfa__codes" aria-labelledby="recovery-heading">
      <h3 id="recovery-heading" className="account-mfa__subheading" ref={headingRef} tabIndex={-1}>
        Two-step verification is on. Store your recovery codes now
      </h3>
      <Alert tone="warning" title="These codes are shown only once">
        Each code signs you in once in place of an authenticator code, if you lose your phone. Write them down
        or keep them in a password manager now, somewhere other than this device: Lantern keeps only a
        scrambled form and cannot show them again.
      </Alert>
      <ol className="account-mfa__code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="account-mfa__actions">
        <Button variant="secondary" onClick={() => void copy()}>
          Copy codes
        </Button>
        <Button onClick={onDone}>I have stored my recovery codes</Button>
      </div>
      {copied === 'yes' ? <p role="status">Copied to the clipboard.</p> : null}
      {copied === 'failed' ? <p role="status">Copying is not available here: write the codes down.</p> : null}
    </section>
  );
}
