/** The local Forge web host: module views in Jira/Confluence-like pages, the bridge, HTTP surfaces. */
export { createHostServer } from './host-server';
export type { HostServer, HostServerOptions } from './host-server';
export type { HostExtras } from './host-state';
