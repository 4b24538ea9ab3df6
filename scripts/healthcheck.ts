// The image's health check (Dockerfile HEALTHCHECK, docker-compose.yml): `node dist/scripts/healthcheck.js [path]`
// exits 0 when http://127.0.0.1:$PORT<path> answers 2xx, else 1. A Node script because the slim base image has no
// curl or wget. Default path /health (the process is alive); compose asks /ready to order start-up.
const port = process.env.PORT ?? '4000';
const path = process.argv[2] ?? '/health';
try {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2500) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
