// Password hashing: argon2id with the argon2 package's defaults (64 MiB memory, 3 passes, parallelism 4),
// which exceed OWASP's minimum for argon2id. Behind an interface so tests can count calls.
import argon2 from 'argon2';

export interface PasswordHasher {
  /** A PHC string (`$argon2id$v=19$m=65536,t=3,p=4$…`) embedding its own salt and parameters. */
  hash(password: string): Promise<string>;
  /** False for a wrong password or a malformed hash; never throws for either. */
  verify(hash: string, password: string): Promise<boolean>;
}

export const argon2Hasher: PasswordHasher = {
  hash: (password) => argon2.hash(password, { type: argon2.argon2id }),
  async verify(hash, password) {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  },
};
