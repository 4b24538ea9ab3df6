export { buildDemoDataset, DEMO_PHONES, DEMO_DRIVER_COUNT, DEMO_RIDER_COUNT } from './dataset.js';
export type { DemoDataset, DemoUser, DemoFleet, DemoHub, DemoVehicle, DemoDriver, DemoTrip, DemoCity, DemoRole, DemoVehicleCategory } from './dataset.js';
export { demoId } from './ids.js';
