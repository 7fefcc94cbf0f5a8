// Credentials inside URLs, for whatever prints a URL or a text holding one (a rule's message, a diff value, the
// printed configuration): the password of `user:password@`, credential-named query and fragment parameters, and the
// secrets the repository scan recognises.
import { maskSecret, maskSecretsInHead } from './mask.js';

/** The password of a `scheme://user:password@host` part. */
const USERINFO_PASSWORD = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#@:]*:)([^/?#@]*)@/;

/**
 * A `name=value` pair of a query or fragment (`?code=…`, `#access_token=…&token_type=…`). The name is group 2, the
 * value group 3; the pair starts after the `?`, `#`, `&` or `;` in group 1.
 */
const URL_PARAMETER = /([?#&;])([^=?#&;]*)=([^?#&;]*)/g;

/**
 * Names of parameters that carry credentials: OAuth's `code`, `access_token`, `refresh_token`, `client_secret`,
 * `id_token`, Salesforce's `sid`, and `password`, `api_key`, `signature` and their kin. Matched as a part of the
 * name, so `X-Amz-Signature` and `apiKey` count too; masking a harmless value by mistake costs nothing.
 */
const SENSITIVE_PARAMETER_NAME = /token|secret|sid|session|code|passw|pwd|key|sig|credential|assertion/i;
/** Names that describe a credential rather than hold one (`token_type=Bearer`, `code_challenge_method=S256`). */
const DESCRIPTIVE_PARAMETER_NAME = /(?:type|method)$/i;

function isSensitiveParameter(name: string): boolean {
  return SENSITIVE_PARAMETER_NAME.test(name) && !DESCRIPTIVE_PARAMETER_NAME.test(name);
}

/** Masks the value of every query or fragment parameter whose name says it is a credential. */
function maskSensitiveParameters(url: string): string {
  const start = url.search(/[?#]/);
  if (start === -1) return url;
  const tail = url.slice(start).replace(URL_PARAMETER, (pair: string, separator: string, name: string, value: string) =>
    value !== '' && isSensitiveParameter(name) ? `${separator}${name}=${maskSecret(value)}` : pair,
  );
  return `${url.slice(0, start)}${tail}`;
}

/**
 * The start of a URL or of a text holding one (at least `shown` characters of it, when it has them; all of it by
 * default) with its credentials masked wherever they sit: the password of a `user:password@` part, the value of a
 * query or fragment parameter named like a credential (`?access_token=…`, `#sid=…`), and any secret the repository
 * scan recognises (a Salesforce session id in the path). Bounded work: the secret scan reads a window past `shown`
 * (maskSecretsInHead, which masks a secret the window cuts), and the parameter masking only reads what that left.
 */
export function maskUrlCredentials(value: string, shown = value.length): string {
  const scanned = maskSecretsInHead(value, shown);
  const withoutPassword = scanned.replace(USERINFO_PASSWORD, (_all, head: string, password: string) => `${head}${maskSecret(password)}@`);
  return maskSensitiveParameters(withoutPassword);
}
