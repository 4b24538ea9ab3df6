// The metrics endpoint: `GET /metrics` in Prometheus text format on a port of its own (METRICS_PORT), never on the
// gateway's client port, so it is not public when only the client port is published. METRICS_PORT=0 turns the
// endpoint and all recording off.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import { registry, renderMetrics, setMetricsEnabled, setMetricsService, type MetricsService } from './registry.js';

/** Default metrics port per process (docs/metrics contract): gateway 9464, then the subgraphs in registry order. */
export const DEFAULT_METRICS_PORTS: Record<MetricsService, number> = {
  gateway: 9464,
  embedded: 9464,
  identity: 9465,
  fleet: 9466,
  trips: 9467,
  payments: 9468,
  gamification: 9469,
  notifications: 9470,
};

export interface MetricsConfig {
  /** 0: no endpoint and no recording. */
  port: number;
  host: string;
}

/** METRICS_PORT (default per process) and METRICS_HOST (default 0.0.0.0). @throws ConfigError on a bad port. */
export function readMetricsConfig(service: MetricsService, env: NodeJS.ProcessEnv = process.env): MetricsConfig {
  const raw = env.METRICS_PORT?.trim();
  const port = raw === undefined || raw === '' ? DEFAULT_METRICS_PORTS[service] : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`METRICS_PORT must be a port number (0 turns metrics off), got ${JSON.stringify(raw)}`);
  return { port, host: env.METRICS_HOST?.trim() || '0.0.0.0' };
}

export interface MetricsServer {
  /** e.g. http://127.0.0.1:9464/metrics; undefined when metrics are off. */
  url: string | undefined;
  close(): Promise<void>;
}

/**
 * Names the process in every series and serves its registry. With port 0 it records nothing and serves nothing.
 */
export async function startMetricsServer(service: MetricsService, config: MetricsConfig, logger: Logger): Promise<MetricsServer> {
  setMetricsService(service);
  if (config.port === 0) {
    setMetricsEnabled(false);
    logger.info('metrics are off (METRICS_PORT=0)');
    return { url: undefined, close: async () => undefined };
  }
  setMetricsEnabled(true);
  const server = createMetricsHttpServer(logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`metrics port ${config.port} is already in use; set METRICS_PORT to another port (0: off)`) : error),
    );
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost}:${port}/metrics`;
  logger.info({ url }, 'metrics listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The endpoint's HTTP server (not listening): `GET /metrics`, everything else 404. */
export function createMetricsHttpServer(logger: Logger): http.Server {
  return http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.statusCode = 404;
      res.end('not found: metrics are served at GET /metrics\n');
      return;
    }
    renderMetrics().then(
      (text) => {
        res.setHeader('content-type', registry.contentType);
        res.setHeader('cache-control', 'no-store');
        res.end(text);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'metrics could not be rendered');
        res.statusCode = 500;
        res.end('metrics could not be rendered\n');
      },
    );
  });
}
