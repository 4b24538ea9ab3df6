// What notifications' resolvers receive as parents (codegen `mappers`).
export type {
  Announcement as AnnouncementModel,
  Delivery as DeliveryModel,
  Notification as NotificationModel,
  PushDevice as PushDeviceModel,
} from '../store/prisma/client.js';

/** A user as another subgraph refers to it: identity owns users, notifications only knows their id. */
export interface UserRef {
  id: string;
}
