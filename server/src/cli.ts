import { connectDatabase, migrateToLatest, seedDemoData, userRepository, type DatabaseHandle, type PlatformRole } from '@partnera/db';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { hashPassword } from './domain/secrets';
import { reindex } from './reindex';
import { seedDemoProposal } from './services/proposal-demo';

async function main(command: string) {
  const config = loadConfig();
  const handle = connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const where = handle.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`database: ${where}`);
  for (const line of await migrateToLatest(handle.db)) console.log(`migration ${line}`);
  if (command === 'migrate') return handle.close();
  if (command === 'grant-role') return grantRole(handle, process.argv[3], process.argv[4]);
  if (command === 'reindex') return reindex(config, handle);
  if (command !== 'serve') throw new ConfigError(`unknown command "${command}"; use serve, migrate, grant-role or reindex`);

  let seeded = false;
  if (config.seedDemo) {
    const accounts = await seedDemoData(handle.db, hashPassword);
    seeded = accounts !== null;
    if (accounts) {
      console.log('\nDemo data created. Sign in with any of these accounts:');
      for (const a of accounts) console.log(`  ${a.email.padEnd(30)} ${a.password}   (${a.role})`);
      console.log('');
    }
  }
  const app = await buildApp({ config, db: handle.db, databaseKind: handle.kind });
  // The demo's joint proposal needs the server's services (its body is a Yjs document), so it is made here.
  if (seeded) await seedDemoProposal(handle.db, app.services.proposals).catch((error: unknown) => app.log.warn({ err: error }, 'demo proposal not created'));
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Partnera is running at ${config.publicUrl}  (API docs: ${config.publicUrl}/api/docs)`);
}

/** Makes an existing account a platform admin or moderator (or removes the role with "none"). */
async function grantRole(handle: DatabaseHandle, email: string | undefined, role: string | undefined) {
  if (!email || !role || !['admin', 'moderator', 'none'].includes(role)) {
    throw new ConfigError('usage: grant-role <email> <admin|moderator|none>');
  }
  const user = await userRepository.findUserByEmail(handle.db, email);
  if (!user) throw new ConfigError(`no account with email ${email}`);
  await userRepository.updateUser(handle.db, user.id, { platform_role: role === 'none' ? null : (role as PlatformRole) });
  console.log(`${email} is now ${role === 'none' ? 'a regular user' : role}`);
  await handle.close();
}

main(process.argv[2] ?? 'serve').catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(1);
});
