// `npm run auth:keygen`: prints a new private signing JWKS for identity (AUTH_SIGNING_JWKS). To rotate, put the
// new key first in the existing set's "keys", deploy, and drop the old key after 15 minutes.
import { generateSigningJwks } from '../platform/auth/index.js';

process.stdout.write(`${JSON.stringify(await generateSigningJwks())}\n`);
