import type { MutationResolvers } from '../generated/resolvers-types.js';
import { createAnnouncement } from '../services/announcer.js';
import { registerPushDevice, unregisterPushDevice } from '../services/devices.js';
import { updatePreferences } from '../services/preferences.js';
import { markAllNotificationsRead, markNotificationRead } from '../services/read-state.js';

export const Mutation: MutationResolvers = {
  markNotificationRead: (_parent, { id }, { viewer, services }) => markNotificationRead(services, viewer, id),
  markAllNotificationsRead: async (_parent, _args, { viewer, services }) => ({ markedCount: await markAllNotificationsRead(services, viewer) }),
  updateNotificationPreferences: (_parent, { input }, { viewer, services }) => updatePreferences(services.prisma, viewer, input),
  registerPushDevice: (_parent, args, { viewer, services }) => registerPushDevice(services.prisma, viewer, args),
  sendAnnouncement: async (_parent, { input }, { viewer, services }) => {
    const announcement = await createAnnouncement(services.prisma, viewer, input);
    services.wakeAnnouncer();
    return announcement;
  },
  unregisterPushDevice: async (_parent, { token }, { viewer, services }) => ({ removed: await unregisterPushDevice(services.prisma, viewer, token) }),
};
