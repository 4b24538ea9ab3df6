// "A rider renames themself and verifies an email", through the gateway, on PostgreSQL and embedded PGlite: register,
// rename, change the email, open the link the development email provider logged, sign in with the new email.
import { postGraphQL } from '../platform/testing/index.js';
import { messageCapture } from './support/message-capture.js';
import { startTestSupergraph, TEST_RUNTIMES, type TestSupergraph } from './support/test-supergraph.js';

describe.each(TEST_RUNTIMES)('on %s', (runtime) => {
  let env: TestSupergraph;
  const capture = messageCapture();

  beforeAll(async () => {
    env = await startTestSupergraph({ runtime, logger: capture.logger });
  }, 240_000);

  afterAll(async () => {
    await env?.stop();
  });

  test('a rider renames themself, changes their email, opens the link and signs in with it', async () => {
    const password = 'correct horse battery staple';
    const email = `rider.${Date.now()}@example.com`;
    const registered = await postGraphQL(
      env.gatewayUrl,
      'mutation ($email: String!, $password: String!) { register(email: $email, password: $password, name: "New rider") { accessToken userErrors { code } } }',
      { email, password },
    );
    expect(registered.errors).toBeUndefined();
    const token = registered.data!.register.accessToken as string;
    const auth = { authorization: `Bearer ${token}` };

    const newEmail = `renamed.${Date.now()}@example.com`;
    const updated = await postGraphQL(
      env.gatewayUrl,
      `mutation ($input: UpdateMeInput!) { updateMe(input: $input) { user { name email emailVerified timeZone } emailVerificationSent userErrors { code field } } }`,
      { input: { name: 'Ada Lovelace', email: newEmail, timeZone: 'Europe/London', currentPassword: password } },
      auth,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateMe).toEqual({
      user: { name: 'Ada Lovelace', email: newEmail, emailVerified: false, timeZone: 'Europe/London' },
      emailVerificationSent: true,
      userErrors: [],
    });

    const signIn = () =>
      postGraphQL(
        env.gatewayUrl,
        'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken userErrors { code } } }',
        {
          email: newEmail,
          password,
        },
      );
    expect((await signIn()).data!.signIn).toEqual({ accessToken: null, userErrors: [{ code: 'EMAIL_NOT_VERIFIED' }] });

    const link = capture.emails.filter((message) => message.to === newEmail).at(-1)?.text ?? '';
    const verificationToken = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(link)?.[1];
    expect(verificationToken).toEqual(expect.any(String));
    const verified = await postGraphQL(env.gatewayUrl, 'mutation ($token: String!) { verifyEmail(token: $token) { emailVerified userErrors { code } } }', {
      token: verificationToken,
    });
    expect(verified.data!.verifyEmail).toEqual({ emailVerified: true, userErrors: [] });

    const signedIn = (await signIn()).data!.signIn;
    expect(signedIn).toEqual({ accessToken: expect.any(String), userErrors: [] });
    const me = await postGraphQL(env.gatewayUrl, '{ me { name email emailVerified } }', {}, { authorization: `Bearer ${signedIn.accessToken}` });
    expect(me.data!.me).toEqual({ name: 'Ada Lovelace', email: newEmail, emailVerified: true });
  });
});
