// Push devices: registered by a signed-in user, tied to a session (the token's own by default), so the session's end
// (session.ended from identity) stops its pushes. A token is one device: registering it again moves it to the new
// user and session (a phone changed hands, or its app signed in again).
import { AppError } from '../../../../platform/errors/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { NotificationsPrisma } from '../store/database.js';
import type { PushDevice, PushPlatform } from '../store/prisma/client.js';

// APNs device tokens are 32 bytes in hex; FCM registration tokens are URL-safe text (about 150–200 characters).
const TOKEN_FORMAT: Record<PushPlatform, RegExp> = {
  IOS: /^[0-9a-fA-F]{64}$/,
  ANDROID: /^[A-Za-z0-9_:-]{32,4096}$/,
  WEB: /^[A-Za-z0-9_:-]{32,4096}$/,
};

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to manage push devices');
  return viewer;
}

/**
 * @throws AppError BAD_USER_INPUT for a token that is not the platform's format or a malformed session id;
 *   NOT_FOUND for a session that is not the viewer's; FORBIDDEN (reason SESSION_ENDED) for a session that has ended.
 */
export async function registerPushDevice(
  prisma: NotificationsPrisma,
  viewer: Viewer | null,
  input: { token: string; platform: PushPlatform; sessionId?: string | null },
): Promise<PushDevice> {
  const { userId, sessionId: ownSession } = signedIn(viewer);
  if (!TOKEN_FORMAT[input.platform].test(input.token)) {
    throw new AppError('BAD_USER_INPUT', `token is not a ${input.platform === 'IOS' ? 'APNs device token (64 hex digits)' : 'FCM registration token'}`, {
      extensions: { field: 'token' },
    });
  }
  const sessionId = input.sessionId ?? ownSession;
  if (!isUuid(sessionId)) throw new AppError('BAD_USER_INPUT', 'sessionId is not a session id', { extensions: { field: 'sessionId' } });
  const session = await prisma.knownSession.findUnique({ where: { sessionId } });
  // Another session than the token's own must be one identity told us is this user's.
  if (sessionId !== ownSession && session?.userId !== userId) throw new AppError('NOT_FOUND', `Session ${sessionId} was not found`);
  if (session?.endedAt) throw new AppError('FORBIDDEN', 'The session has ended; sign in again', { extensions: { reason: 'SESSION_ENDED' } });
  return prisma.pushDevice.upsert({
    where: { token: input.token },
    create: { userId, token: input.token, platform: input.platform, sessionId },
    update: { userId, platform: input.platform, sessionId },
  });
}

/** Removes the viewer's device with this token. @returns whether one was removed (another user's token: false). */
export async function unregisterPushDevice(prisma: NotificationsPrisma, viewer: Viewer | null, token: string): Promise<boolean> {
  const { userId } = signedIn(viewer);
  const { count } = await prisma.pushDevice.deleteMany({ where: { token, userId } });
  return count > 0;
}
