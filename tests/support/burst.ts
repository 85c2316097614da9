import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { ApiResponse, Client } from './client.js';

export interface BurstRequest {
  method: string;
  path: string;
  body?: unknown;
}

const opened = (url: URL) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => resolve(socket));
    socket.once('error', reject);
  });

function send(socket: Socket, client: Client, { method, path, body }: BurstRequest): Promise<ApiResponse> {
  const url = new URL(path, client.baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { origin: client.baseUrl, connection: 'close' };
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  else if (client.cookies.size > 0) headers.cookie = client.cookieHeader;
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, createConnection: () => socket }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) for (const one of [value ?? []].flat()) responseHeaders.append(name, one);
        const json = /json/i.test(res.headers['content-type'] ?? '') && text !== '';
        resolve({ status: res.statusCode ?? 0, headers: responseHeaders, body: json ? JSON.parse(text) : text, text });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Requests that reach the server together. fetch opens its connections one after another as it goes, and on a
 * loaded machine that spread a burst of 40 so thin the server never had more than one waiting. Here every
 * connection is open before any request is written, and all are written in one turn of the event loop.
 */
export async function burst(client: Client, requests: BurstRequest[]): Promise<ApiResponse[]> {
  const url = new URL(client.baseUrl);
  const sockets = await Promise.all(requests.map(() => opened(url)));
  return Promise.all(requests.map((one, i) => send(sockets[i]!, client, one)));
}
