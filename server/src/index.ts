export { buildApp, type App, type AppDeps, type Services } from './app';
export { loadConfig, type Config } from './config';
export { hashPassword } from './domain/secrets';
export { checkLegalId, eikCheckDigit } from './domain/legal-id';
export type { Mailer, Mail } from './services/mailer';
export { seedDemoProposal } from './services/proposal-demo';
export { AUTO_CLOSE_AFTER_MS } from './services/forum-session.service';
