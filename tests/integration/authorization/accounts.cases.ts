import { randomBytes, randomUUID } from 'node:crypto';
import { createApiToken, createPasswordAccount } from '@/server/accounts/service';
import type { Cases } from './types';

export default {
  Query: {
    me: { need: 'anyone', query: `{ me { id } }` },
    myTokens: { need: 'signed-in', query: `{ myTokens { id } }` },
  },
  Mutation: {
    signUp: {
      need: 'anyone',
      query: `mutation($input: SignUpInput!) { signUp(input: $input) { id } }`,
      variables: () => ({ input: { email: `new-${randomUUID()}@example.org`, name: 'New', password: 'long enough' } }),
    },
    updateMe: { need: 'signed-in', query: `mutation { updateMe(name: "Renamed") { id name } }` },
    changePassword: {
      need: 'signed-in',
      query: `mutation { changePassword(currentPassword: "correct horse battery", newPassword: "another long one") { endedSessions } }`,
      // The fixture's users are shared between cases: put the caller's password back to the common one first
      // (the co-owner is never a caller, so theirs is unchanged).
      variables: async (f) => {
        if (f.actor) {
          await f.h.query(`update users set password_hash = (select password_hash from users where id = $1) where id = $2`, [
            f.users.coOwner.userId,
            f.actor.userId,
          ]);
        }
        return {};
      },
    },
    verifyEmail: {
      need: 'anyone',
      query: `mutation($token: String!) { verifyEmail(token: $token) }`,
      // A fresh unverified account with an open link (the suite runs without SMTP, where sign-ups are verified).
      variables: async (f) => {
        const user = await createPasswordAccount(f.h.context(null), {
          email: `unverified-${randomUUID()}@example.org`,
          name: 'Unverified',
          passwordHash: 'x',
          emailVerifiedAt: null,
        });
        const token = `ver_${randomBytes(32).toString('base64url')}`;
        await f.h.query(
          `update users set verification_token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex'), verification_sent_at = now() where id = $2`,
          [token, user.id],
        );
        return { token };
      },
    },
    resendVerificationEmail: { need: 'signed-in', query: `mutation { resendVerificationEmail }` },
    createApiToken: { need: 'signed-in', query: `mutation { createApiToken(name: "script") { secret } }` },
    revokeApiToken: {
      need: 'signed-in',
      query: `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`,
      // Each caller revokes a token of their own (anonymous callers try the owner's).
      variables: async (f) => {
        const { token } = await createApiToken(f.h.context(f.actor ?? f.users.owner), { name: 'to revoke' });
        return { id: token.id };
      },
    },
  },
} satisfies Cases;
