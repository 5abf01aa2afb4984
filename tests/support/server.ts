export { startTestServer } from './app';
