// identity's services, built once per subgraph (not per request): they hold no per-request state.
import type { AccessTokenSigner } from '../../../../platform/auth/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { EmailProvider, SmsProvider } from '../../../../platform/providers/index.js';
import type { Clock } from '../clock.js';
import type { IdentityConfig } from '../config.js';
import type { IdentityStore } from '../store/store.js';
import { createAuditLogService } from './audit-log-service.js';
import { createAccountService } from './account-service.js';
import { createDriverOnboardingService } from './driver-onboarding-service.js';
import { createEmailVerificationService } from './email-verification-service.js';
import { createFleetManagerService } from './fleet-manager-service.js';
import { createOtpService } from './otp-service.js';
import { createPasswordService } from './password-service.js';
import { createPhoneProof } from './phone-proof.js';
import { createReferralCodes } from './referral-codes.js';
import type { PasswordHasher } from './password-hasher.js';
import type { IdentityLimiters } from './rate-limits.js';
import { createSessionService } from './session-service.js';
import { createStaffService } from './staff-service.js';

export interface IdentityServicesDeps {
  store: IdentityStore;
  config: IdentityConfig;
  signAccessToken: AccessTokenSigner;
  limiters: IdentityLimiters;
  sms: SmsProvider;
  email: EmailProvider;
  hasher: PasswordHasher;
  clock: Clock;
  logger: Logger;
}

export type IdentityServices = ReturnType<typeof createIdentityServices>;

export function createIdentityServices(deps: IdentityServicesDeps) {
  const { store, clock, logger, limiters } = deps;
  const sessions = createSessionService({
    store,
    clock,
    logger,
    signAccessToken: deps.signAccessToken,
    refreshTokenTtlSeconds: deps.config.refreshTokenTtlSeconds,
    maxSessionsPerUser: deps.config.maxSessionsPerUser,
  });
  const phoneProof = createPhoneProof({ store, limiters, clock, secret: deps.config.otpSecret });
  const emailVerification = createEmailVerificationService({
    store,
    clock,
    logger,
    email: deps.email,
    emailVerificationUrl: deps.config.emailVerificationUrl,
    ttlSeconds: deps.config.emailVerificationTtlSeconds,
  });
  const referralCodes = createReferralCodes(store);
  return {
    sessions,
    otp: createOtpService({ store, sessions, phoneProof, referralCodes, clock, logger, limiters, sms: deps.sms, secret: deps.config.otpSecret }),
    password: createPasswordService({
      store,
      sessions,
      phoneProof,
      emailVerification,
      referralCodes,
      clock,
      logger,
      limiters,
      hasher: deps.hasher,
      email: deps.email,
      passwordResetUrl: deps.config.passwordResetUrl,
    }),
    staff: createStaffService({ store, clock }),
    fleetManagers: createFleetManagerService({ store }),
    driverOnboarding: createDriverOnboardingService({ store, sms: deps.sms, clock, logger }),
    auditLog: createAuditLogService({ store }),
    emailVerification,
    account: createAccountService({
      store,
      emailVerification,
      hasher: deps.hasher,
      limiters,
      clock,
      logger,
      reauthMaxAgeSeconds: deps.config.reauthMaxAgeSeconds,
    }),
  };
}
