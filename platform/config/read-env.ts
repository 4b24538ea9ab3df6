// Typed, validated access to environment variables. Every service reads its configuration through here once
// at start-up, so a bad value fails fast with a message naming the variable and what to set it to.
import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses `env` with a zod object schema whose keys are environment variable names.
 * @throws ConfigError listing every invalid variable with the reason — never a partial config.
 */
export function readEnv<S extends z.ZodRawShape>(shape: S, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<S>> {
  // Empty strings mean "unset": `FOO= npm start` must not turn into an invalid value.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = z.object(shape).safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const got = cleaned[name];
    return `  ${name}: ${issue.message}${got === undefined ? '' : ` (got "${got}")`}`;
  });
  throw new ConfigError(`Invalid configuration — fix these environment variables:\n${problems.join('\n')}`);
}

/** Env var helpers with messages that say what to set. */
export const envVar = {
  port: (fallback: number) => z.coerce.number().int().min(0, 'must be a port number 0-65535').max(65535, 'must be a port number 0-65535').default(fallback),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .transform((value) => value === 'true' || value === '1' || value === 'yes')
      .default(fallback),
  url: (protocols: string[], hint: string) =>
    z.string().refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a ${protocols.join(' or ')}// URL, e.g. ${hint}`,
    ),
};
