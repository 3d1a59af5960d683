import fs from 'node:fs';
import type { Config } from '../config';

/** Options shared by the client (server) and the native connection (worker). */
export function temporalConnectionOptions(config: Config) {
  const read = (file: string | undefined) => (file ? fs.readFileSync(file) : undefined);
  const cert = read(config.TEMPORAL_TLS_CERT_PATH);
  const key = read(config.TEMPORAL_TLS_KEY_PATH);
  const tlsWanted = config.TEMPORAL_TLS || Boolean(config.TEMPORAL_API_KEY) || Boolean(cert);
  return {
    address: config.temporalAddress,
    ...(config.TEMPORAL_API_KEY ? { apiKey: config.TEMPORAL_API_KEY } : {}),
    ...(tlsWanted
      ? {
          tls: {
            ...(config.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME } : {}),
            ...(config.TEMPORAL_TLS_CA_PATH ? { serverRootCACertificate: read(config.TEMPORAL_TLS_CA_PATH) } : {}),
            ...(cert && key ? { clientCertPair: { crt: cert, key } } : {}),
          },
        }
      : {}),
  };
}
