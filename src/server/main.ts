import { start } from './start';

const running = await start();
const width = Math.max(...running.demoLogins.map((l) => l.role.length), 4);
console.log(`\nKoers draait op ${running.url}  (database: ${running.database.kind === 'pglite' ? `ingebed, ${process.env.DATA_DIR ?? './data'}` : 'PostgreSQL'})`);
if (running.demoLogins.length) {
  console.log('\nDemo-logins (fictieve school):');
  for (const l of running.demoLogins) console.log(`  ${l.role.padEnd(width)}  ${l.login.padEnd(22)} ${l.password}`);
}
console.log('');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.stop().then(() => process.exit(0), () => process.exit(1));
  });
}
