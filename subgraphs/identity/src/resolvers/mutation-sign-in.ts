// Signing in and keeping a session alive: phone code, email + password, refresh.
import type { MutationResolvers } from '../generated/resolvers-types.js';

export const signInMutations: MutationResolvers = {
  requestOtp: (_parent, { phone }, { services, clientIp }) => services.otp.request(phone, clientIp),
  verifyOtp: (_parent, { phone, code, device, referralCode }, { services, clientIp }) => services.otp.verify(phone, code, device, clientIp, referralCode),
  register: (_parent, args, { services, clientIp }) => services.password.register(args, clientIp),
  signIn: (_parent, args, { services, clientIp }) => services.password.signIn(args, clientIp),
  refreshSession: (_parent, { refreshToken }, { services, clientIp }) => services.sessions.refresh(refreshToken, clientIp),
};
