// One-step driver onboarding through the gateway with the demo city, on PostgreSQL and on embedded PGlite:
// operations onboard a phone into a demo fleet (identity knows the fleet from fleet's fleet.changed), the SMS
// invitation arrives, the person signs in with a code sent to that phone and is the driver fleet made from
// identity's driver.onboarded.
import { randomUUID } from 'node:crypto';
import { readUntil } from '../platform/testing/index.js';
import { gatewayData, untilDriverName } from './support/gateway-apps.js';
import { messageCapture, signInByPhoneCode } from './support/message-capture.js';
import { startTestSupergraph, TEST_RUNTIMES, type TestSupergraph } from './support/test-supergraph.js';

let s: TestSupergraph;
// The development SMS provider logs each message: that log is the phone's inbox here.
const messages = messageCapture();
const sms = messages.sms;

const ONBOARD = `mutation ($input: OnboardDriverInput!) {
  onboardDriver(input: $input) { user { id name roles } newUser inviteSent userErrors { code field } }
}`;

describe.each(TEST_RUNTIMES)('on %s', (runtime) => {
  beforeAll(async () => {
    s = await startTestSupergraph({ runtime, logger: messages.logger });
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
  });

  test('operations onboard a phone; the invitation arrives; the person signs in by code and is a driver of the fleet', async () => {
    const downtown = s.demo.fleets.find((fleet) => fleet.name === 'Downtown Fleet')!;
    const ops = s.personas.OPERATIONS.headers;
    const phone = `+1444${String(Date.now()).slice(-7)}`;
    const licenceNumber = `GW-${randomUUID().slice(0, 8).toUpperCase()}`;
    const input = { phone, name: 'Nina New', fleetId: downtown.id, licenceNumber, licenceExpiresOn: '2031-03-31' };

    // identity learns the demo fleets from fleet's outbox within a second or so of start-up: until then the fleet is
    // unknown to it (FLEET_NOT_FOUND, nothing written).
    await s.untilIdentityKnowsFleet(downtown.id);
    const onboarded = (await gatewayData(s.gatewayUrl, ONBOARD, { input }, ops)).onboardDriver;
    expect(onboarded).toEqual({ user: { id: expect.any(String), name: 'Nina New', roles: ['DRIVER'] }, newUser: true, inviteSent: true, userErrors: [] });
    const userId: string = onboarded.user.id;
    expect(sms.filter((message) => message.to === phone).map((message) => message.text)).toEqual([expect.stringContaining('invited to drive with Ridegraph')]);

    const signedIn = await signInByPhoneCode(s.gatewayUrl, messages, phone);
    expect({ userId: signedIn.userId, roles: signedIn.roles, newUser: signedIn.newUser }).toEqual({ userId, roles: ['DRIVER'], newUser: false });
    const asDriver = signedIn.headers;

    const me = await readUntil(
      async () => (await gatewayData(s.gatewayUrl, '{ me { id name driverProfile { id status licenceNumber licenceExpiresOn } } }', undefined, asDriver)).me,
      (viewer) => viewer.driverProfile !== null,
      'fleet to make the driver profile',
    );
    expect(me).toEqual({
      id: userId,
      name: 'Nina New',
      driverProfile: { id: expect.any(String), status: 'OFFLINE', licenceNumber, licenceExpiresOn: '2031-03-31' },
    });
    // Driver.fleet is for staff; operations see the new driver in the fleet it was onboarded into.
    const seen = await gatewayData(s.gatewayUrl, 'query ($id: ID!) { driver(id: $id) { fleet { id } user { id } } }', { id: me.driverProfile.id }, ops);
    expect(seen.driver).toEqual({ fleet: { id: downtown.id }, user: { id: userId } });
    // The name comes to fleet as identity's user.name.changed (its own event, not the profile's): on the board soon.
    expect(await untilDriverName(s.gatewayUrl, ops, me.driverProfile.id, 'Nina New')).toBe('Nina New');

    // Onboarding the same phone again is refused: the account drives already.
    const again = await gatewayData(s.gatewayUrl, ONBOARD, { input: { ...input, licenceNumber: `${licenceNumber}-2` } }, ops);
    expect(again.onboardDriver.userErrors).toEqual([{ code: 'ALREADY_DRIVER', field: ['input', 'phone'] }]);
  });
});
