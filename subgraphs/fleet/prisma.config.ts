// Prisma CLI configuration for the fleet subgraph (prisma generate; prisma migrate where the engine is available).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.FLEET_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://localhost/ridegraph' },
});
