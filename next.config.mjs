/** @type {import('next').NextConfig} */
const nextConfig = {
  // Compute and database packages ship wasm and native-style loaders; keep them out of the bundle.
  serverExternalPackages: [
    '@tensorflow/tfjs',
    '@tensorflow/tfjs-backend-wasm',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'pg',
    'pg-boss',
  ],
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
