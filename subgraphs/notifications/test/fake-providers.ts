// Local fakes that speak the providers' documented APIs, for the real adapters' tests: FCM HTTP v1 (with its OAuth 2
// token endpoint), APNs (HTTP/2, cleartext h2c here: TLS is the only difference) and Twilio's Messages API. Each
// verifies what the real service verifies (signatures, auth, required headers) and records what it accepted.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { importSPKI, jwtVerify } from 'jose';

export interface Fake {
  url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage | http2.Http2ServerRequest): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

function listen(server: Server | http2.Http2Server, scheme: string): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** FCM: tokens starting `unregistered` are UNREGISTERED (404), `down` answers 503. */
export async function startFakeFcm(options: { projectId: string; clientEmail: string; publicKeyPem: string }) {
  const accepted: { token: string; notification: { title: string; body: string }; data: Record<string, string> }[] = [];
  const issued = new Set<string>();
  let tokenRequests = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const reply = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (req.url === '/token') {
        const form = new URLSearchParams(body);
        try {
          const { payload } = await jwtVerify(form.get('assertion') ?? '', await importSPKI(options.publicKeyPem, 'RS256'), {
            issuer: options.clientEmail,
            audience: `${url}/token`,
          });
          if (
            form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' ||
            payload.scope !== 'https://www.googleapis.com/auth/firebase.messaging'
          )
            return reply(400, { error: 'invalid_grant' });
        } catch {
          return reply(400, { error: 'invalid_grant' });
        }
        tokenRequests++;
        const token = `ya29.fake-${tokenRequests}`;
        issued.add(token);
        return reply(200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
      }
      if (req.method !== 'POST' || req.url !== `/v1/projects/${options.projectId}/messages:send`)
        return reply(404, { error: { code: 404, status: 'NOT_FOUND' } });
      if (!issued.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) return reply(401, { error: { code: 401, status: 'UNAUTHENTICATED' } });
      const { message } = JSON.parse(body) as { message: (typeof accepted)[number] };
      if (message.token.startsWith('unregistered')) {
        return reply(404, {
          error: { code: 404, status: 'NOT_FOUND', details: [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: 'UNREGISTERED' }] },
        });
      }
      if (message.token.startsWith('down')) return reply(503, { error: { code: 503, status: 'UNAVAILABLE' } });
      accepted.push(message);
      return reply(200, { name: `projects/${options.projectId}/messages/${accepted.length}` });
    })();
  });
  const url = await listen(server, 'http');
  return {
    url,
    accepted,
    tokenRequests: () => tokenRequests,
    /** Forget issued access tokens (as if they were revoked): the next send gets a 401. */
    revokeAccessTokens: () => issued.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** APNs over h2c: device tokens starting `dead` are 410 Unregistered, `ffff…` 400 BadDeviceToken, `5555…` 503. */
export async function startFakeApns(options: { teamId: string; keyId: string; bundleId: string; publicKeyPem: string }) {
  const accepted: { token: string; payload: { aps: { alert: { title: string; body: string } } } & Record<string, unknown> }[] = [];
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    void (async () => {
      let body = '';
      for await (const chunk of stream) body += String(chunk);
      const reply = (status: number, json?: unknown) => {
        stream.respond({ ':status': status, 'apns-id': 'fake' });
        stream.end(json ? JSON.stringify(json) : undefined);
      };
      const path = String(headers[':path']);
      const match = /^\/3\/device\/([0-9a-f]+)$/.exec(path);
      if (headers[':method'] !== 'POST' || !match) return reply(404, { reason: 'BadPath' });
      try {
        const jwt = String(headers.authorization ?? '').replace(/^bearer /, '');
        const { protectedHeader } = await jwtVerify(jwt, await importSPKI(options.publicKeyPem, 'ES256'), { issuer: options.teamId });
        if (protectedHeader.kid !== options.keyId) return reply(403, { reason: 'InvalidProviderToken' });
      } catch {
        return reply(403, { reason: 'InvalidProviderToken' });
      }
      if (headers['apns-topic'] !== options.bundleId) return reply(400, { reason: 'BadTopic' });
      if (headers['apns-push-type'] !== 'alert') return reply(400, { reason: 'InvalidPushType' });
      const token = match[1]!;
      if (token.startsWith('dead')) return reply(410, { reason: 'Unregistered', timestamp: Date.now() });
      if (token.startsWith('ffff')) return reply(400, { reason: 'BadDeviceToken' });
      if (token.startsWith('5555')) return reply(503, { reason: 'ServiceUnavailable' });
      accepted.push({ token, payload: JSON.parse(body) as (typeof accepted)[number]['payload'] });
      return reply(200);
    })();
  });
  const url = await listen(server, 'http');
  return { url, accepted, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Twilio: `+1500555` numbers are invalid (code 21211, 400); `+1500999` answers 503. */
export async function startFakeTwilio(options: { accountSid: string; authToken: string }) {
  const accepted: Record<string, string>[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const reply = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${options.accountSid}/Messages.json`)
        return reply(404, { code: 20404, message: 'not found' });
      const expected = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return reply(401, { code: 20003, message: 'Authenticate' });
      const form = Object.fromEntries(new URLSearchParams(body));
      if (form.To?.startsWith('+1500555')) return reply(400, { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 });
      if (form.To?.startsWith('+1500999')) return reply(503, { code: 20500, message: 'Internal error', status: 503 });
      accepted.push(form);
      return reply(201, { sid: `SM${accepted.length}`, status: 'queued' });
    })();
  });
  const url = await listen(server, 'http');
  return { url, accepted, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
