import { X509Certificate } from 'node:crypto';
import samlify from 'samlify';
import { entryPointProblem, pemOf } from '../../../domain/identity/saml-rules.js';
import type { FieldError } from '../../errors.js';

/** The identity provider as an admin gives it: its metadata XML, or its sign-in URL, entity ID and certificate. */
export interface SamlIdpInput {
  idpMetadata?: string;
  entryPoint?: string;
  idpEntityId?: string;
  certificate?: string;
}

export interface SamlIdpSettings {
  entityId: string;
  entryPoint: string;
  /** PEM; responses must be signed by one of them. */
  certificates: string[];
  metadata?: string;
}

const fingerprintOf = (pem: string): string | null => {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
};

export const certificateFingerprints = (pems: string[]) => pems.flatMap((pem) => fingerprintOf(pem) ?? []);

function fromMetadata(xml: string, problems: FieldError[]): SamlIdpSettings | undefined {
  const problem = (message: string) => void problems.push({ field: 'idpMetadata', message });
  if (!xml) return problem('Paste the metadata XML of your identity provider.');
  let meta: ReturnType<typeof samlify.IdPMetadata>;
  try {
    meta = samlify.IdPMetadata(xml);
  } catch {
    return problem('This metadata does not parse as XML.');
  }
  const entityId = meta.getEntityID();
  if (typeof entityId !== 'string' || !entityId)
    return problem('This metadata does not parse as SAML metadata: it has no EntityDescriptor with an entityID.');
  const entryPoint = meta.getSingleSignOnService('redirect');
  if (typeof entryPoint !== 'string') return problem('The metadata has no SingleSignOnService with the HTTP-Redirect binding.');
  const unsafe = entryPointProblem(entryPoint);
  if (unsafe) return problem(`Its sign-in URL ${entryPoint}: ${unsafe}`);
  const certificates = [meta.getX509Certificate('signing') ?? []]
    .flat()
    .filter((c): c is string => typeof c === 'string' && c.trim() !== '')
    .map(pemOf);
  if (certificates.length === 0) return problem('The metadata has no signing certificate (KeyDescriptor with an X509Certificate).');
  if (certificates.some((pem) => !fingerprintOf(pem)))
    return problem('A signing certificate in the metadata is not a valid X.509 certificate.');
  return { entityId, entryPoint, certificates, metadata: xml };
}

function fromFields(input: SamlIdpInput, problems: FieldError[]): SamlIdpSettings | undefined {
  const entryPoint = input.entryPoint?.trim() ?? '';
  const entityId = input.idpEntityId?.trim() ?? '';
  const certificate = input.certificate?.trim() ?? '';
  const before = problems.length;
  const unsafe = entryPoint ? entryPointProblem(entryPoint) : 'Enter the IdP sign-in URL, or paste its metadata XML instead.';
  if (unsafe) problems.push({ field: 'entryPoint', message: unsafe });
  if (!entityId) problems.push({ field: 'idpEntityId', message: 'Enter the IdP entity ID (the issuer its responses name).' });
  if (!certificate)
    problems.push({ field: 'certificate', message: 'Paste the IdP signing certificate: without it no response can be trusted.' });
  else if (!fingerprintOf(pemOf(certificate)))
    problems.push({ field: 'certificate', message: 'This is not an X.509 certificate (PEM, -----BEGIN CERTIFICATE-----).' });
  return problems.length === before ? { entityId, entryPoint, certificates: [pemOf(certificate)] } : undefined;
}

/**
 * Reads and checks the IdP settings when the configuration is saved, so metadata that does not parse, a
 * missing signing certificate or an http sign-in URL is refused there (422 naming the field), not at a sign-in.
 * `idpMetadata` present (even empty) means the admin chose metadata; otherwise the three fields apply.
 */
export function readSamlIdp(input: SamlIdpInput, problems: FieldError[]): SamlIdpSettings | undefined {
  return input.idpMetadata !== undefined ? fromMetadata(input.idpMetadata.trim(), problems) : fromFields(input, problems);
}
