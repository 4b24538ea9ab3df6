export { createDevelopmentSmsProvider, type SmsProvider } from './sms.js';
export { createDevelopmentEmailProvider, type EmailProvider, type EmailMessage } from './email.js';
export { ProviderError, readSimulationOptions, type SimulationOptions } from './simulation.js';
