import NextAuth from 'next-auth';
import { authOptions } from './options';

/** next-auth's sign-in, sign-out, session and OIDC callback endpoints under /api/auth/*. */
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
