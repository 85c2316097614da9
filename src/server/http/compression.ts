import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/** Below this an answer fits in a packet or two; compressing it costs more than it saves. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Compresses API answers (JSON, problem+json, the OpenAPI document) above a threshold, brotli first
 * then gzip, as the client asks. Brotli at quality 4: near gzip's speed with smaller output; the
 * maximum (11) costs tens of milliseconds per large answer. Built web assets are compressed at
 * build time and sent as they are (see web/serve-web.ts); the event stream is hijacked and untouched.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
