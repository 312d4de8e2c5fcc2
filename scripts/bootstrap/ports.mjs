// @ts-check
// Finds whether a local TCP port is free, and a free one in a range.
import net from 'node:net';

/** @param {number} port @param {string} [host] @returns {Promise<boolean>} */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** @param {number} from @param {number} to */
export async function findFreePort(from, to) {
  for (let port = from; port <= to; port++) {
    if (await isPortFree(port)) return port;
  }
  return undefined;
}
