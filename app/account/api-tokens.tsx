'use client';
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert } from '../components/alerts';
import { SubmitButton } from '../components/submit-button';
import { ListCard } from '../components/list-card';
import { TextField } from '../components/field';
import { graphql, type ResultOf } from '../lib/graphql';
import { gql } from '../lib/graphql-client';
import { errorMessage } from '../lib/form-errors';
import { formatDateTime } from '../lib/format';
import { NewTokenSecret } from './new-token-secret';
import { useFormSubmit } from '../lib/use-form-submit';
import { useHydrated } from '../lib/use-hydrated';

const TOKEN_FIELDS = graphql(`fragment ApiTokenFields on ApiToken @_unmask { id name prefix createdAt lastUsedAt revokedAt }`);
type ApiToken = ResultOf<typeof TOKEN_FIELDS>;
const MY_TOKENS = graphql(`query MyTokens { myTokens { ...ApiTokenFields } }`, [TOKEN_FIELDS]);
const CREATE_TOKEN = graphql(`mutation CreateApiToken($name: String!) { createApiToken(name: $name) { secret token { ...ApiTokenFields } } }`, [TOKEN_FIELDS]);
const REVOKE_TOKEN = graphql(`mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ...ApiTokenFields } }`, [TOKEN_FIELDS]);

export function ApiTokens() {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [listError, setListError] = useState<string>();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setTokens((await gql(MY_TOKENS)).myTokens);
    } catch (e) {
      setListError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function revoke(token: ApiToken) {
    if (!window.confirm(`Revoke “${token.name}”? Scripts using it stop working at once.`)) return;
    setListError(undefined);
    try {
      await gql(REVOKE_TOKEN, { id: token.id });
      await load();
    } catch (e) {
      setListError(errorMessage(e));
    }
  }

  return (
    <section className="card stack" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" className="card-heading">
        API tokens
      </h2>
      <p className="muted small">
        Scripts call the GraphQL API at <code>/api/graphql</code> with the header <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you in every
        project you belong to.
      </p>
      {created ? <NewTokenSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} /> : null}
      <CreateTokenForm
        onCreated={async (name, secret) => {
          setCreated({ name, secret });
          await load();
        }}
      />
      <ErrorAlert>{listError}</ErrorAlert>
      <ListCard
        bare
        label="Your API tokens"
        items={tokens ?? undefined}
        failed={Boolean(listError)}
        loadingWhat="tokens"
        empty={<p className="muted">You have no API tokens.</p>}
        head={
          <>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </>
        }
        row={(t) => (
          <tr key={t.id} className={t.revokedAt ? 'row-muted' : undefined}>
            <td className="break">{t.name}</td>
            <td>
              <code>{t.prefix}…</code>
            </td>
            <td>{formatDateTime(t.createdAt)}</td>
            <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="muted">never</span>}</td>
            <td>
              {t.revokedAt ? (
                <span className="badge badge-danger" title={`Revoked ${formatDateTime(t.revokedAt)}`}>
                  Revoked
                </span>
              ) : (
                <span className="badge badge-ok">Active</span>
              )}
            </td>
            <td className="actions">
              {t.revokedAt ? null : (
                <button type="button" className="btn btn-small btn-danger" aria-label={`Revoke ${t.name}`} onClick={() => void revoke(t)}>
                  Revoke
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (name: string, secret: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const { errors, busy, submit } = useFormSubmit(['name']);
  const hydrated = useHydrated();

  const onSubmit = submit(async () => {
    const { createApiToken } = await gql(CREATE_TOKEN, { name });
    setName('');
    await onCreated(createApiToken.token.name, createApiToken.secret);
  });

  return (
    <form className="stack" method="post" onSubmit={onSubmit} noValidate aria-label="Create an API token">
      <ErrorAlert>{errors.form}</ErrorAlert>
      <div className="form-row">
        <TextField
          label="Token name"
          name="name"
          hint="What it is for, e.g. “lab notebook”."
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <div className="form-row-action">
          <SubmitButton busy={busy} busyLabel="Creating…" disabled={!hydrated}>
            Create token
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
