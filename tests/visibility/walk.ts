/**
 * Walks every GET operation of the OpenAPI document as one client, so a new read endpoint is covered
 * without listing it: path parameters take each candidate id of their resource, the query every known
 * parameter at once (and none). Answers are kept as text (spreadsheets as their cells) for comparison.
 */
import ExcelJS from 'exceljs';
import type { Client } from '../support/client.js';

type Parameter = { name: string; in: string };
type OpenApi = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };

/** Reads that are not about OKRs at all, or never end. */
const SKIPPED = new Set(['/api/v1/events', '/api/health', '/api/health/ready', '/api/health/live']);

export interface WalkIds {
  /** Candidate values per resource segment (`objectives`, `teams`…) and per token route. */
  byResource: Record<string, string[]>;
  /** Values for query parameters, by name. */
  query: Record<string, string>;
}

export async function getOperations(client: Client): Promise<{ path: string; parameters: Parameter[] }[]> {
  const doc = (await client.get('/api/openapi.json')).body as OpenApi;
  return Object.entries(doc.paths)
    .filter(([path, methods]) => methods.get && !SKIPPED.has(path))
    .map(([path, methods]) => ({ path, parameters: methods.get!.parameters ?? [] }));
}

/** Every concrete URL for an operation: each combination of candidates for its path parameters. */
export function urlsOf(operation: { path: string; parameters: Parameter[] }, ids: WalkIds): string[] {
  let paths = [operation.path];
  for (const match of operation.path.matchAll(/([\w-]+)\/\{(\w+)\}/g)) {
    const [placeholder, resource, name] = [`{${match[2]}}`, match[1]!, match[2]!];
    const candidates = ids.byResource[`${resource}/${name}`] ?? ids.byResource[resource] ?? ids.byResource['*']!;
    paths = paths.flatMap((p) => candidates.map((c) => p.replace(placeholder, encodeURIComponent(c))));
  }
  const known = operation.parameters.filter((p) => p.in === 'query' && ids.query[p.name] !== undefined);
  if (known.length === 0) return paths;
  const query = new URLSearchParams(known.map((p) => [p.name, ids.query[p.name]!])).toString();
  return paths.flatMap((p) => [p, `${p}?${query}`]);
}

async function textOf(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('spreadsheetml')) return response.text();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
  return cells.join('\n');
}

/** Status and body of every URL, by URL. */
export async function walk(client: Client, urls: string[]): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  for (const url of urls) {
    const headers: Record<string, string> = { origin: client.baseUrl };
    if (client.token) headers.authorization = `Bearer ${client.token}`;
    else headers.cookie = client.cookieHeader;
    const response = await fetch(`${client.baseUrl}${url}`, { headers });
    answers.set(url, `${response.status} ${await textOf(response)}`);
  }
  return answers;
}
