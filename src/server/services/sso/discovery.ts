import { discoveryUrlOf } from '../../../domain/identity/sso-rules.js';
import { AppError, invalid } from '../../errors.js';

export interface DiscoveredEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksEndpoint: string;
  userInfoEndpoint?: string;
  discoveryEndpoint: string;
}

const TIMEOUT_MS = 5000;
const unreachable = (issuer: string, why: string) =>
  invalid('issuer', `Cairn could not read the discovery document of ${issuer} (${why}). Check the issuer URL and that Cairn can reach it.`);

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

/**
 * Reads the issuer's OpenID discovery document when the configuration is saved, so an unreachable or
 * mistyped issuer is refused there (422 naming `issuer`) rather than at someone's first sign-in.
 */
export async function discoverIssuer(issuer: string): Promise<DiscoveredEndpoints> {
  const discoveryEndpoint = discoveryUrlOf(issuer);
  let document: Record<string, unknown>;
  try {
    const response = await fetch(discoveryEndpoint, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw unreachable(issuer, `HTTP ${response.status}`);
    document = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreachable(issuer, error instanceof Error && error.name === 'TimeoutError' ? 'no answer in 5 seconds' : 'no connection');
  }
  const found = {
    issuer: text(document.issuer),
    authorizationEndpoint: text(document.authorization_endpoint),
    tokenEndpoint: text(document.token_endpoint),
    jwksEndpoint: text(document.jwks_uri),
  };
  if (!found.issuer || !found.authorizationEndpoint || !found.tokenEndpoint || !found.jwksEndpoint)
    throw unreachable(issuer, 'the document lacks issuer, authorization_endpoint, token_endpoint or jwks_uri');
  if (found.issuer.replace(/\/+$/, '') !== issuer.replace(/\/+$/, ''))
    throw invalid('issuer', `The discovery document names a different issuer (${found.issuer}). Enter exactly that URL.`);
  return {
    issuer: found.issuer,
    authorizationEndpoint: found.authorizationEndpoint,
    tokenEndpoint: found.tokenEndpoint,
    jwksEndpoint: found.jwksEndpoint,
    userInfoEndpoint: text(document.userinfo_endpoint),
    discoveryEndpoint,
  };
}
