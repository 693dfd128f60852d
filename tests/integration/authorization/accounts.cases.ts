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
