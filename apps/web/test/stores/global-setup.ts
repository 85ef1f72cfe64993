import type { TestProject } from 'vitest/node';
import { startServer } from '../support/server';

/** The stores talk to the real server with the demo data, as the app in a browser does. */
export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('logins', server.logins);
  return server.stop;
}
