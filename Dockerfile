# syntax=docker/dockerfile:1
# One image for every Ridegraph process: docker-compose.yml and deploy/k8s choose the process with the command
# (default: the gateway). Three stages:
#   build         every dependency, TypeScript compiled to dist/ (the Prisma clients are generated and committed);
#   runtime-deps  production dependencies only;
#   (final)       those node_modules plus the files a process reads at run time, run as the unprivileged `node` user.
# No Prisma CLI, TypeScript, jest, eslint or codegen in the final image: migrations run with our own runner
# (dist/scripts/db-migrate.js: @prisma/client's driver adapter, pg and the committed migration.sql files).
# No Docker engine runs in CI: scripts/image-tree.mjs replays this file's npm ci and COPY lines into a folder and
# test/image-tree.test.ts checks that folder and starts every service from it, so edit the three together.

FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build

FROM node:20.20-bookworm-slim AS runtime-deps
# Compilers for argon2's native addon, in this stage only: the final image gets the built node_modules alone.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional as well as --omit=dev: @prisma/client declares the Prisma CLI and TypeScript as optional peer
# dependencies, so the lock file marks them (and their ~100 dependencies) devOptional, which --omit=dev alone keeps.
# --ignore-scripts, then argon2 rebuilt from source: the prebuilt binary its package ships crashed (SIGSEGV) on
# the first hash on Debian 12 x86-64 machines here; the one built from source is what development and CI run.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts && npm rebuild argon2 --build-from-source && npm cache clean --force

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist/platform ./dist/platform
COPY --from=build /app/dist/gateway ./dist/gateway
COPY --from=build /app/dist/subgraphs ./dist/subgraphs
COPY --from=build /app/dist/embedded ./dist/embedded
COPY --from=build /app/dist/scripts ./dist/scripts
COPY --from=build /app/schema/supergraph.graphql ./schema/supergraph.graphql
COPY --from=build /app/subgraphs/registry.json ./subgraphs/registry.json
COPY --from=build /app/subgraphs/identity/schema.graphql ./subgraphs/identity/schema.graphql
COPY --from=build /app/subgraphs/identity/prisma/migrations ./subgraphs/identity/prisma/migrations
COPY --from=build /app/subgraphs/fleet/schema.graphql ./subgraphs/fleet/schema.graphql
COPY --from=build /app/subgraphs/fleet/prisma/migrations ./subgraphs/fleet/prisma/migrations
COPY --from=build /app/subgraphs/trips/schema.graphql ./subgraphs/trips/schema.graphql
COPY --from=build /app/subgraphs/trips/prisma/migrations ./subgraphs/trips/prisma/migrations
COPY --from=build /app/subgraphs/payments/schema.graphql ./subgraphs/payments/schema.graphql
COPY --from=build /app/subgraphs/payments/prisma/migrations ./subgraphs/payments/prisma/migrations
COPY --from=build /app/subgraphs/gamification/schema.graphql ./subgraphs/gamification/schema.graphql
COPY --from=build /app/subgraphs/gamification/prisma/migrations ./subgraphs/gamification/prisma/migrations
COPY --from=build /app/subgraphs/notifications/schema.graphql ./subgraphs/notifications/schema.graphql
COPY --from=build /app/subgraphs/notifications/prisma/migrations ./subgraphs/notifications/prisma/migrations
USER node
EXPOSE 4000
# The processes stop gracefully on SIGTERM within SHUTDOWN_TIMEOUT_MS (platform/http/shutdown.ts); give them a
# longer grace period than that (docker-compose.yml stop_grace_period, deploy/k8s terminationGracePeriodSeconds).
STOPSIGNAL SIGTERM
# PORT is the process's port (every service in docker-compose.yml sets it; the gateway's default is 4000).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["node", "dist/scripts/healthcheck.js", "/health"]
CMD ["node", "dist/gateway/src/index.js"]
