import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { start } from './start';

// `--scale N`: on first start, add N schools of 400 pupils to the demo board (board-size data, e.g. 48 → 50 schools).
const { values } = parseArgs({ options: { scale: { type: 'string', default: '0' } } });
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 0 || scale > 500) {
  console.error('--scale verwacht een geheel aantal scholen van 0 tot 500.');
  process.exit(2);
}
const running = await start(loadConfig(), { scale });
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
