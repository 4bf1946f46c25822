import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  ACCESS_TOKEN_DEFAULT_DAYS,
  ACCESS_TOKEN_MAX_DAYS,
  type AccessTokenView,
  type CreateAccessTokenResponse,
} from '#shared/contracts/tokens';
import { isApiError } from '../../api/client';
import { securityPagePath } from '../../auth/mfa-gate';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { format } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { TextField } from '../../ui/text-field';
import { accessTokensQuery, createAccessToken, revokeAccessToken } from './tokens.queries';
import './account.css';

export const tokensPagePath = '/account/tokens';

/** The server's complaint about one field of the form (`body.name`), if it named one. */
function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error, 'VALIDATION_FAILED')) return undefined;
  const fields = (error.details as { fields?: { path: string; message: string }[] } | undefined)?.fields;
  return fields?.find((f) => f.path === `body.${field}`)?.message;
}

function CreateTokenForm({ onCreated }: { onCreated: (created: CreateAccessTokenResponse) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState(String(ACCESS_TOKEN_DEFAULT_DAYS));
  const [errors, setErrors] = useState<{ name?: string; days?: string }>({});
  const create = useMutation({ mutationFn: createAccessToken });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const expiresInDays = Number(days);
    const found = {
      ...(name.trim() === '' ? { name: 'Give the token a name: what it is for.' } : {}),
      ...(!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > ACCESS_TOKEN_MAX_DAYS
        ? { days: `A whole number of days from 1 to ${ACCESS_TOKEN_MAX_DAYS}.` }
        : {}),
    };
    setErrors(found);
    if (found.name || found.days) return;
    create.mutate(
      { name: name.trim(), expiresInDays },
      {
        onSuccess: async (created) => {
          setName('');
          setDays(String(ACCESS_TOKEN_DEFAULT_DAYS));
          onCreated(created);
          await queryClient.invalidateQueries({ queryKey: accessTokensQuery.queryKey });
        },
        onError: (error) =>
          setErrors({ name: fieldError(error, 'name'), days: fieldError(error, 'expiresInDays') }),
      },
    );
  }

  const refused = create.error && !errors.name && !errors.days ? create.error : null;
  return (
    <form className="account-tokens__form" onSubmit={onSubmit} noValidate aria-label="New access token">
      <TextField
        label="Name"
        hint="What the token is for, e.g. “laptop CLI” or “nightly import”."
        name="name"
        maxLength={100}
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label="Expires after (days)"
        hint={`Every token expires: from 1 to ${ACCESS_TOKEN_MAX_DAYS} days.`}
        name="expiresInDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={ACCESS_TOKEN_MAX_DAYS}
        className="account-tokens__days"
        value={days}
        error={errors.days}
        onChange={(event) => setDays(event.target.value)}
      />
      {refused ? (
        <Alert tone="danger">
          Could not create the token: {isApiError(refused) ? refused.message : 'unexpected error'}
        </Alert>
      ) : null}
      <Button type="submit" busy={create.isPending}>
        Create token
      </Button>
    </form>
  );
}

/** The secret, shown this once, with a copy button and what to do with it. */
function NewTokenPanel({ created, onDone }: { created: CreateAccessTokenResponse; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="account-tokens__created" aria-labelledby="created-token-heading">
      <h3 id="created-token-heading" className="account-mfa__subheading" ref={headingRef} tabIndex={-1}>
        Copy your new token “{created.token.name}” now
      </h3>
      <Alert tone="warning" title="This token is shown only once">
        Anyone who has it can act as you, with your access, until {format.date(created.token.expiresAt)} or
        until you revoke it. Keep it like a password, never in a shared file or a chat: Lantern keeps only a
        scrambled form and cannot show it again.
      </Alert>
      <code className="account-tokens__secret" data-testid="new-access-token">
        {created.secret}
      </code>
      <p className="account-mfa__note">
        On the command line: <code>lantern login --url {window.location.origin}</code>, then paste it when
        asked.
      </p>
      <div className="account-mfa__actions">
        <Button variant="secondary" onClick={() => void copy()}>
          Copy token
        </Button>
        <Button onClick={onDone}>I have copied it</Button>
      </div>
      {copied === 'yes' ? <p role="status">Copied to the clipboard.</p> : null}
      {copied === 'failed' ? (
        <p role="status">Copying is not available here: select the token and copy it.</p>
      ) : null}
    </section>
  );
}

function TokenRow({ token }: { token: AccessTokenView }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => revokeAccessToken(token.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessTokensQuery.queryKey }),
  });
  return (
    <tr>
      <th scope="row">{token.name}</th>
      <td>{format.dateTime(token.createdAt)}</td>
      <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : 'Never'}</td>
      <td>{token.expired ? `Expired ${format.date(token.expiresAt)}` : format.date(token.expiresAt)}</td>
      <td className="account-tokens__actions">
        {!token.abilities.revoke ? null : confirming ? (
          <fieldset className="account-tokens__confirm">
            <legend>Revoke it? Programs using it stop at once.</legend>
            <Button variant="secondary" size="sm" busy={revoke.isPending} onClick={() => revoke.mutate()}>
              Yes, revoke it
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </fieldset>
        ) : (
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Revoke ${token.name}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </Button>
        )}
        {revoke.isError ? (
          <p role="alert" className="account-tokens__error">
            Could not revoke it: {isApiError(revoke.error) ? revoke.error.message : 'unexpected error'}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

function TokenList() {
  const tokens = useQuery(accessTokensQuery);
  if (tokens.isPending) return <p className="account-mfa__status">Loading…</p>;
  if (tokens.isError)
    return (
      <Alert tone="danger">
        Could not load your tokens: {isApiError(tokens.error) ? tokens.error.message : 'unexpected error'}
      </Alert>
    );
  if (tokens.data.items.length === 0)
    return <p className="account-mfa__status">You have no access tokens.</p>;
  return (
    <table className="account-tokens__table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Expires</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.data.items.map((token) => (
          <TokenRow key={token.id} token={token} />
        ))}
      </tbody>
    </table>
  );
}

/**
 * Account → Access tokens: personal access tokens for the `lantern` command line and scripts
 * (ADR 0021). A token acts as you, with your access as it is at each request; it is shown once.
 */
export function TokensPage() {
  const [created, setCreated] = useState<CreateAccessTokenResponse | null>(null);
  return (
    <div className="account">
      <PageHeader
        eyebrow="Account"
        title="Access tokens"
        description="Tokens let the lantern command line and your scripts act as you, with your access."
      />
      <Card className="account-mfa" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading" className="account-mfa__heading">
          New token
        </h2>
        {created ? (
          <NewTokenPanel created={created} onDone={() => setCreated(null)} />
        ) : (
          <CreateTokenForm onCreated={setCreated} />
        )}
      </Card>
      <Card className="account-mfa" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="account-mfa__heading">
          Your tokens
        </h2>
        <TokenList />
      </Card>
      <p className="account-mfa__note">
        <Link to={securityPagePath}>Account security</Link>: your password and two-step verification.
      </p>
    </div>
  );
}
