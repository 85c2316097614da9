import { DEFAULT_EMAIL_ATTRIBUTE, DEFAULT_GROUPS_ATTRIBUTE } from '../../../domain/identity/saml-rules.js';

/** The plugin's SAML configuration, stored as JSON text in sso_providers.saml_config (see saml-config.ts). */
export interface StoredSamlConfig {
  /** Cairn's SP entity ID (the plugin names the SP's entity ID `issuer`). */
  issuer: string;
  audience: string;
  entryPoint: string;
  idpMetadata:
    | { metadata: string; entityID: string }
    | { entityID: string; cert: string[]; singleSignOnService: { Binding: string; Location: string }[] };
  wantAssertionsSigned: true;
  authnRequestsSigned: false;
  identifierFormat: string;
  mapping: { email: string; name: string; firstName: string; lastName: string; extraFields: { groups: string } };
}

/** What admins see of a SAML provider: the metadata and certificate are public, so they are shown back. */
export interface SamlConfigView {
  protocol: 'saml';
  idpEntityId: string;
  entryPoint: string;
  idpMetadata?: string;
  certificate?: string;
  emailAttribute: string;
  groupsAttribute: string;
}

export function samlView(json: string): SamlConfigView | undefined {
  let config: StoredSamlConfig;
  try {
    config = JSON.parse(json) as StoredSamlConfig;
  } catch {
    return undefined;
  }
  const idp = config.idpMetadata;
  return {
    protocol: 'saml',
    idpEntityId: idp.entityID,
    entryPoint: config.entryPoint,
    ...('metadata' in idp ? { idpMetadata: idp.metadata } : { certificate: idp.cert.join('\n') }),
    emailAttribute: config.mapping?.email ?? DEFAULT_EMAIL_ATTRIBUTE,
    groupsAttribute: config.mapping?.extraFields?.groups ?? DEFAULT_GROUPS_ATTRIBUTE,
  };
}
