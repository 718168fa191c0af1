import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createApp } from './bootstrap';

process.env.TZ = 'UTC';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
}

main().catch((e: unknown) => {
  console.error(`GenerAttivi could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
