// What trips' resolvers receive as parents (codegen `mappers`).
export type { Trip as TripModel } from '../store/prisma/client.js';

/** A user is identity's entity; trips knows only its id. */
export interface UserRef {
  id: string;
}

/** A driver profile is fleet's entity; trips knows only its id. */
export interface DriverRef {
  id: string;
}
