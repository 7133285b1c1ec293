import { stopServer } from './server';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__lanternE2eServer;
  if (server) await stopServer(server);
}
