/** A host without its port ("login.example:8443" → "login.example"): the port means nothing to people. */
export const hostName = (host: string): string => host.replace(/:\d+$/, '');
