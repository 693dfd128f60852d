import { randomUUID } from 'node:crypto';
import { createApiToken } from '@/server/accounts/service';
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
          await f.h.query(`update users set password_hash = (select password_hash from users where id = $1) where id = $2`, [f.users.coOwner.userId, f.actor.userId]);
        }
        return {};
      },
    },
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
