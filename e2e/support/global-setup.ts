import { ENV_KEY, startServer, type RunningServer } from './server';

declare global {
  // eslint-disable-next-line no-var
  var __lanternE2eServer: RunningServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  const server = await startServer();
  process.env[ENV_KEY] = server.url;
  globalThis.__lanternE2eServer = server;
}
