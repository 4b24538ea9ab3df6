// Driver–vehicle assignments. "At most one active assignment per driver and per vehicle" is the database's rule
// (slot columns with unique indexes); the row locks below make the usual case a clear CONFLICT before the
// insert, and the unique violation settles any race that gets past them.
import { auditEvent } from '../../../../platform/audit/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { Assignment } from '../store/prisma/client.js';
import { isUniqueViolation, type FleetStore } from '../store/store.js';
import { managesFleet, requireViewer } from './access.js';
import { changeDriverState, illegalTransition, type OutboxNotifier } from './driver-state.js';
import { userError, type FleetUserError } from './user-errors.js';
import { wellFormedId } from './validation.js';

export interface AssignmentServiceDeps {
  store: FleetStore;
  now: () => Date;
  outbox: OutboxNotifier;
}

export type AssignmentResult = { assignment: Assignment | null; userErrors: FleetUserError[] };

export type AssignmentService = ReturnType<typeof createAssignmentService>;

const fail = (error: FleetUserError): AssignmentResult => ({ assignment: null, userErrors: [error] });
const conflict = (message: string) => new AppError('CONFLICT', message);

export function createAssignmentService({ store, now, outbox }: AssignmentServiceDeps) {
  return {
    /**
     * @throws AppError CONFLICT when the driver or the vehicle has an active assignment (also when a concurrent
     *   assignment won the race).
     */
    async assignVehicle(viewer: Viewer | null, driverId: string, vehicleId: string): Promise<AssignmentResult> {
      const staff = requireViewer(viewer, 'assignVehicle');
      const driverNotFound = () => fail(userError('DRIVER_NOT_FOUND', 'No driver you manage has this id', 'driverId'));
      const vehicleNotFound = () => fail(userError('VEHICLE_NOT_FOUND', 'No vehicle you manage has this id', 'vehicleId'));
      if (!wellFormedId(driverId)) return driverNotFound();
      if (!wellFormedId(vehicleId)) return vehicleNotFound();
      const at = now();
      try {
        const result = await store.transaction(async (tx): Promise<AssignmentResult> => {
          // Lock order driver → vehicle everywhere, so two assignments cannot deadlock.
          const driver = await tx.drivers.lockById(driverId);
          if (!driver || !managesFleet(staff, driver.fleetId)) return driverNotFound();
          const vehicle = await tx.vehicles.lockById(vehicleId);
          if (!vehicle || !managesFleet(staff, vehicle.fleetId)) return vehicleNotFound();
          if (vehicle.fleetId !== driver.fleetId)
            return fail(userError('FLEET_MISMATCH', "The vehicle belongs to another fleet than the driver's", 'vehicleId'));
          if (vehicle.status !== 'ACTIVE') return fail(userError('VEHICLE_NOT_ACTIVE', `The vehicle is ${vehicle.status} and cannot be assigned`, 'vehicleId'));
          if ((await tx.assignments.findActiveByDriverIds([driver.id])).length) throw conflict('The driver already has an active assignment: end it first');
          if ((await tx.assignments.findActiveByVehicleIds([vehicle.id])).length)
            throw conflict('The vehicle is assigned to another driver: end that assignment first');
          const assignment = await tx.assignments.create({
            driverId: driver.id,
            vehicleId: vehicle.id,
            fleetId: driver.fleetId,
            assignedByUserId: staff.userId,
            at,
          });
          await tx.outbox.add(
            auditEvent(
              'fleet',
              staff,
              {
                action: 'assignment.create',
                target: { type: 'Assignment', id: assignment.id },
                after: { driverId: driver.id, vehicleId: vehicle.id },
              },
              at,
            ),
          );
          const onShift = (await tx.attendances.findOpenByDriverId(driver.id)) !== null;
          await changeDriverState(
            tx,
            driver,
            {
              currentVehicleId: vehicle.id,
              ...(onShift && driver.status === 'OFFLINE' ? { status: 'AVAILABLE' as const } : {}),
            },
            at,
            vehicle,
          );
          return { assignment, userErrors: [] };
        });
        if (result.assignment) outbox.wake();
        return result;
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('The driver or the vehicle was assigned at the same moment: refetch and decide again');
        throw error;
      }
    },

    /** @throws AppError ILLEGAL_STATE_TRANSITION when the assignment has ended or its driver is on a trip. */
    async endAssignment(viewer: Viewer | null, id: string): Promise<AssignmentResult> {
      const staff = requireViewer(viewer, 'endAssignment');
      const notFound = () => fail(userError('ASSIGNMENT_NOT_FOUND', 'No assignment you manage has this id', 'id'));
      if (!wellFormedId(id)) return notFound();
      const found = await store.assignments.findById(id);
      if (!found || !managesFleet(staff, found.fleetId)) return notFound();
      const at = now();
      const result = await store.transaction(async (tx): Promise<AssignmentResult> => {
        const driver = await tx.drivers.lockById(found.driverId);
        if (!driver) throw new Error(`assignment ${id} references a missing driver`);
        if (driver.status === 'ON_TRIP') throw illegalTransition('The driver is on a trip: end the assignment after the trip', driver.status);
        const ended = await tx.assignments.end(id, staff.userId, at);
        if (!ended) throw new AppError('ILLEGAL_STATE_TRANSITION', 'The assignment has ended already');
        await tx.outbox.add(
          auditEvent(
            'fleet',
            staff,
            { action: 'assignment.end', target: { type: 'Assignment', id }, before: { endedAt: null }, after: { endedAt: at.toISOString() } },
            at,
          ),
        );
        await changeDriverState(
          tx,
          driver,
          {
            currentVehicleId: null,
            // Without a vehicle an AVAILABLE driver cannot take trips; a driver on a break stays on it.
            ...(driver.status === 'AVAILABLE' ? { status: 'OFFLINE' as const } : {}),
          },
          at,
        );
        return { assignment: ended, userErrors: [] };
      });
      outbox.wake();
      return result;
    },
  };
}
