// The registry of built-in rules: adding a rule is one file in this folder, one line here, one docs page.
import type { Rule } from '../types.js';
import { noFullScope } from './no-full-scope.js';
import { noSecretsInRepo } from './no-secrets-in-repo.js';
import { validMetadata } from './valid-metadata.js';
import { callbackUrlHttps } from './callback-url-https.js';
import { callbackUrlExact } from './callback-url-exact.js';
import { adminApprovedInProduction } from './admin-approved-in-production.js';
import { permittedUsersAssigned } from './permitted-users-assigned.js';
import { ipRelaxationEnforced } from './ip-relaxation-enforced.js';
import { jwtCertificatePresent } from './jwt-certificate-present.js';
import { certificateValid } from './certificate-valid.js';
import { pkceRequired } from './pkce-required.js';
import { minimalScopes } from './minimal-scopes.js';
import { refreshTokenExpiry } from './refresh-token-expiry.js';
import { clientCredentialsUser } from './client-credentials-user.js';
import { httpsUrls } from './https-urls.js';
import { noIntrospectAllTokens } from './no-introspect-all-tokens.js';
import { samlStrongCrypto } from './saml-strong-crypto.js';
import { revocationImpact } from './revocation-impact.js';
import { privilegedPreAuthorization } from './privileged-pre-authorization.js';
import { ecaGlobalOauthInSourceControl } from './eca-global-oauth-in-source-control.js';
import { trustedIpRanges } from './trusted-ip-ranges.js';
import { refreshTokenHardening } from './refresh-token-hardening.js';
import { codeCredentialsFlow } from './code-credentials-flow.js';
import { ecaPolicyVerifiable } from './eca-policy-verifiable.js';

export const builtinRules: readonly Rule[] = [noFullScope, callbackUrlHttps, callbackUrlExact, adminApprovedInProduction, permittedUsersAssigned, ipRelaxationEnforced, jwtCertificatePresent, certificateValid, noSecretsInRepo, validMetadata, pkceRequired, minimalScopes, refreshTokenExpiry, clientCredentialsUser, httpsUrls, noIntrospectAllTokens, samlStrongCrypto, revocationImpact, privilegedPreAuthorization, ecaGlobalOauthInSourceControl, trustedIpRanges, refreshTokenHardening, codeCredentialsFlow, ecaPolicyVerifiable];
