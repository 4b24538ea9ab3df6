// The development providers: one log line per message, simulated failures and delays, config parsing.
import { Writable } from 'node:stream';
import { jest } from '@jest/globals';
import { pino } from 'pino';
import { ConfigError } from '../../config/index.js';
import { createDevelopmentEmailProvider, createDevelopmentSmsProvider, ProviderError, readSimulationOptions } from '../index.js';

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

test('the development SMS provider writes exactly one log line with the phone and the text', async () => {
  const { logger, lines } = capturingLogger();
  await createDevelopmentSmsProvider(logger).send('+15551230000', 'Your code is 123456');
  await flush();
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ to: '+15551230000', text: 'Your code is 123456', msg: 'development SMS', level: 30 });
});

test('the development email provider writes exactly one log line with recipient, subject and text', async () => {
  const { logger, lines } = capturingLogger();
  await createDevelopmentEmailProvider(logger).send({ to: 'ada@example.com', subject: 'Reset', text: 'token abc' });
  await flush();
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ to: 'ada@example.com', subject: 'Reset', text: 'token abc', msg: 'development email' });
});

test('a simulated failure throws ProviderError and logs nothing', async () => {
  const { logger, lines } = capturingLogger();
  const sms = createDevelopmentSmsProvider(logger, { failureRate: 1 });
  await expect(sms.send('+15551230000', 'code 654321')).rejects.toBeInstanceOf(ProviderError);
  const email = createDevelopmentEmailProvider(logger, { failureRate: 0.5, random: () => 0.4 });
  await expect(email.send({ to: 'a@example.com', subject: 's', text: 't' })).rejects.toThrow('simulated email delivery failure');
  const lucky = createDevelopmentSmsProvider(logger, { failureRate: 0.5, random: () => 0.6 });
  await lucky.send('+15551230000', 'sent');
  await flush();
  expect(lines.map((line) => line.text)).toEqual(['sent']);
});

test('a simulated delay holds the send back', async () => {
  jest.useFakeTimers();
  try {
    const { logger, lines } = capturingLogger();
    let done = false;
    const sending = createDevelopmentSmsProvider(logger, { delayMs: 5000 })
      .send('+15551230000', 'later')
      .then(() => (done = true));
    await jest.advanceTimersByTimeAsync(4999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sending;
    expect(done).toBe(true);
    expect(lines).toHaveLength(1);
  } finally {
    jest.useRealTimers();
  }
});

test('simulation settings come from DEV_<CHANNEL>_* variables and are validated', () => {
  expect(readSimulationOptions('SMS', {})).toEqual({ delayMs: 0, failureRate: 0 });
  expect(readSimulationOptions('EMAIL', { DEV_EMAIL_DELAY_MS: '250', DEV_EMAIL_FAILURE_RATE: '0.25' })).toEqual({ delayMs: 250, failureRate: 0.25 });
  expect(() => readSimulationOptions('SMS', { DEV_SMS_FAILURE_RATE: '2' })).toThrow(ConfigError);
  expect(() => readSimulationOptions('SMS', { DEV_SMS_DELAY_MS: '-1' })).toThrow(/DEV_SMS_DELAY_MS/);
});
