// The gateway → subgraph hop: who counts as the gateway, what a subgraph may read of a request from anyone else,
// how the proof travels over graphql-ws, and the GATEWAY_SECRET configuration rules.
import type { IncomingMessage } from 'node:http';
import { ConfigError } from '../../config/index.js';
import { connectionGatewayProof, requestWithAuthorization } from '../../graphql/ws-connection-auth.js';
import { createLogger } from '../../logging/index.js';
import { clientIp } from '../../http/client-ip.js';
import { createGatewayHop, generateGatewaySecret, GATEWAY_HOP_HEADER, readAuthConfig, requestThroughHop, requireGatewaySecret } from '../index.js';

const secret = generateGatewaySecret();
const hop = createGatewayHop(secret);

function request(headers: Record<string, string>): IncomingMessage {
  return { headers, socket: { remoteAddress: '::ffff:10.1.2.3' }, method: 'POST', url: '/graphql' } as unknown as IncomingMessage;
}

const FORWARDED = {
  'x-forwarded-for': '203.0.113.9',
  forwarded: 'for=203.0.113.9',
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'api.example.com',
  'x-real-ip': '203.0.113.9',
  'x-request-id': 'req-1',
};

test('only the exact secret proves the gateway; nothing does without one configured', () => {
  expect(secret.length).toBeGreaterThanOrEqual(32);
  expect(hop.proves(secret)).toBe(true);
  expect([`${secret}x`, secret.slice(1), '', undefined, [secret], 42].map((value) => hop.proves(value))).toEqual([false, false, false, false, false, false]);
  expect(createGatewayHop(undefined).proves(secret)).toBe(false);
  expect(createGatewayHop(undefined).proves('')).toBe(false);
});

test('from the gateway a request keeps its forwarded headers but never the secret', () => {
  const { request: seen, fromGateway } = requestThroughHop(request({ ...FORWARDED, authorization: 'Bearer t', [GATEWAY_HOP_HEADER]: secret }), hop);
  expect(fromGateway).toBe(true);
  expect(seen.headers).toEqual({ ...FORWARDED, authorization: 'Bearer t' });
  // The rest of the request is the original's.
  expect([seen.method, seen.url, seen.socket.remoteAddress]).toEqual(['POST', '/graphql', '::ffff:10.1.2.3']);
  expect(clientIp(seen, 1)).toBe('203.0.113.9');
});

test('from anyone else forwarded headers are dropped, so the socket peer is the client', () => {
  for (const proof of [undefined, 'guess', `${secret} `]) {
    const headers: Record<string, string> = { ...FORWARDED, authorization: 'Bearer t', 'content-type': 'application/json' };
    if (proof !== undefined) headers[GATEWAY_HOP_HEADER] = proof;
    const { request: seen, fromGateway } = requestThroughHop(request(headers), hop);
    expect({ proof, fromGateway, headers: seen.headers }).toEqual({
      proof,
      fromGateway: false,
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    });
    expect(clientIp(seen, 1)).toBe('10.1.2.3');
  }
});

test('over graphql-ws the proof travels in connection_init and reaches the context as the header', () => {
  expect(connectionGatewayProof({ authorization: 'Bearer t', [GATEWAY_HOP_HEADER]: secret })).toBe(secret);
  expect(connectionGatewayProof({ 'X-Ridegraph-Gateway': secret })).toBe(secret);
  expect(connectionGatewayProof({ [GATEWAY_HOP_HEADER]: 7 })).toBeUndefined();
  expect(connectionGatewayProof(undefined)).toBeUndefined();

  const upgrade = request({ 'x-forwarded-for': '203.0.113.9' });
  const fromGateway = requestWithAuthorization(upgrade, 'Bearer t', secret);
  expect(requestThroughHop(fromGateway, hop).fromGateway).toBe(true);
  expect(clientIp(requestThroughHop(fromGateway, hop).request, 1)).toBe('203.0.113.9');
  const direct = requestWithAuthorization(upgrade, 'Bearer t', undefined);
  expect(requestThroughHop(direct, hop).fromGateway).toBe(false);
  expect(clientIp(requestThroughHop(direct, hop).request, 1)).toBe('10.1.2.3');
});

test('GATEWAY_SECRET: at least 32 characters; required in production, a warning in development', () => {
  expect(readAuthConfig({ GATEWAY_SECRET: secret }).gatewaySecret).toBe(secret);
  expect(readAuthConfig({}).gatewaySecret).toBeUndefined();
  expect(() => readAuthConfig({ GATEWAY_SECRET: 'short' })).toThrow(/GATEWAY_SECRET: must be at least 32 characters/);

  const warnings: string[] = [];
  const logger = createLogger({ level: 'silent' });
  logger.warn = (message: string) => void warnings.push(message);
  expect(requireGatewaySecret(readAuthConfig({ GATEWAY_SECRET: secret }), { production: true, logger })).toBe(secret);
  expect(() => requireGatewaySecret(readAuthConfig({}), { production: true, logger })).toThrow(ConfigError);
  expect(() => requireGatewaySecret(readAuthConfig({}), { production: true, logger })).toThrow(/Set GATEWAY_SECRET/);
  expect(requireGatewaySecret(readAuthConfig({}), { production: false, logger })).toBeUndefined();
  expect(warnings).toEqual([expect.stringMatching(/^GATEWAY_SECRET is not set/)]);
});
