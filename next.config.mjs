/** @type {import('next').NextConfig} */
const nextConfig = {
  // Compute and database packages ship wasm and native-style loaders; keep them out of the bundle.
  serverExternalPackages: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'pg', 'pg-boss'],
  typedRoutes: false,
  // `npm run typecheck` checks types; `next build` (run by `npm start`) should not refuse to serve the app
  // over a type error in a file that the app does not even load.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  experimental: {
    // With a proxy (proxy.ts), Next buffers a POST body for it and cuts it off past this size (default 10 MB),
    // which broke /api/graphql requests carrying files. It must exceed MAX_GRAPHQL_BODY_BYTES (81 MiB,
    // server/graphql/body-limit.ts), whose own check then answers 413. /api/uploads skips the proxy.
    proxyClientMaxBodySize: 90 * 1024 * 1024,
  },
};

export default nextConfig;
