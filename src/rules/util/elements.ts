// Where a setting lives in each kind of app, for messages and for findings about absent elements.
import type { AppKind, IpRelaxation } from '../../types.js';

type Setting =
  | 'callbackUrl'
  | 'certificate'
  | 'consumerSecret'
  | 'adminApproval'
  | 'permittedUsers'
  | 'ipRelaxation'
  | 'sessionLevel'
  | 'refreshTokenPolicy'
  | 'clientCredentialsUser';

const ELEMENT_NAMES: Readonly<Record<Setting, Record<AppKind, string>>> = {
  callbackUrl: { connectedApp: 'oauthConfig/callbackUrl', externalClientApp: 'callbackUrl (.ecaGlblOauth)' },
  certificate: { connectedApp: 'oauthConfig/certificate', externalClientApp: 'certificate (.ecaGlblOauth)' },
  consumerSecret: { connectedApp: 'oauthConfig/consumerSecret', externalClientApp: 'consumerSecret (.ecaGlblOauth)' },
  adminApproval: { connectedApp: 'oauthConfig/isAdminApproved', externalClientApp: 'permittedUsersPolicyType (.ecaOauthPlcy)' },
  permittedUsers: { connectedApp: 'profileName or permissionSetName', externalClientApp: 'commaSeparatedProfile or commaSeparatedPermissionSet (.ecaOauthPlcy)' },
  ipRelaxation: { connectedApp: 'oauthPolicy/ipRelaxation', externalClientApp: 'ipRelaxationPolicyType (.ecaOauthPlcy)' },
  sessionLevel: { connectedApp: 'sessionPolicy/sessionLevel', externalClientApp: 'requiredSessionLevel (.ecaOauthPlcy)' },
  refreshTokenPolicy: { connectedApp: 'oauthPolicy/refreshTokenPolicy', externalClientApp: 'refreshTokenPolicyType (.ecaOauthPlcy)' },
  clientCredentialsUser: { connectedApp: 'oauthConfig/oauthClientCredentialUser', externalClientApp: 'clientCredentialsFlowUser (.ecaOauthPlcy)' },
};

/** The element that holds a setting in this kind of app, as a user would search for it (with the ECA file's suffix). */
export function elementName(kind: AppKind, setting: Setting): string {
  return ELEMENT_NAMES[setting][kind];
}

/** The model keeps IP relaxation in the Connected App spelling; messages speak the file's own language. */
const ECA_IP_RELAXATION_SPELLING: Readonly<Record<IpRelaxation, string>> = {
  ENFORCE: 'Enforce',
  BYPASS: 'Bypass',
  BYPASS_2FACTOR: 'Bypass_2factor',
  ENFORCE_RELAXREFRESH: 'Enforce_RelaxRefresh',
};

export function ipRelaxationSpelling(kind: AppKind, value: IpRelaxation): string {
  return kind === 'connectedApp' ? value : ECA_IP_RELAXATION_SPELLING[value];
}
