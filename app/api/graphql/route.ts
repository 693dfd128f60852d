export { GET, POST } from '@/server/graphql/handler';
