// The ONE place the diff reads an app's settings: which model setting each is (keyed by the model's SettingName, so
// a setting the model gains is compared here or named in NOT_COMPARED with the reason, or this file does not
// compile), what its value looks like in a report, and whether a change widens access (more access, weaker
// protection), narrows it, or neither. Nothing else in src/diff reads OAuthApp fields.
import { analyzeCertificate } from '../model/certificate.js';
import { maskUrlCredentials } from '../secrets/url-credentials.js';
import { transportProblem } from '../rules/util/http-url.js';
import { maskSecret } from '../secrets/mask.js';
import { cutTo } from '../text/safe-text.js';
import type { SettingName } from '../model/settings.js';
import type { AppKind, IpRelaxation, Located, OAuthApp, OAuthAppSettings } from '../types.js';
import type { ChangeEffect, ChangeSeverity, SettingChange, SettingValue } from './types.js';

/** An app as the diff compares it (the trusted IP ranges as `start-end` strings, from the model). */
export interface AppState {
  app: OAuthApp;
  /** Trusted IP ranges (`start-end`): ConnectedApp `ipRanges`, ECA `trustedIpRanges`. */
  trustedIpRanges: string[];
}

export function appState(app: OAuthApp): AppState {
  return { app, trustedIpRanges: app.trustedIpRanges.map((range) => `${range.start.value}-${range.end}`) };
}

/** A verdict on one change. */
interface Verdict {
  effect: ChangeEffect;
  severity: ChangeSeverity;
  /** What happened, after the app's name: "scope Full added". */
  says: string;
}

interface ListSetting {
  setting: SettingName;
  /** Human name of one entry, for the change table. */
  label: string;
  /** Policy settings of an External Client App live in its OAuth policy file. */
  policy?: boolean;
  read(state: AppState): string[];
  judge(entry: string, added: boolean, kind: AppKind): Verdict;
  /** The entry an added one replaces, when the pair is better said as one change (http -> https). */
  replaces?(added: string, removed: ReadonlySet<string>): string | undefined;
  /** The verdict on such a replacement. */
  judgeReplacement?(before: string, after: string): Verdict;
}

interface ScalarSetting {
  setting: SettingName;
  label: string;
  policy?: boolean;
  /** The value to compare; undefined leaves the setting out (e.g. not applicable). */
  read(state: AppState): SettingValue | undefined;
  /** The verdict for before -> after (never called with equal values). */
  judge(before: SettingValue, after: SettingValue, kind: AppKind): Verdict;
  /** The value as shown; secrets masked. Default: as is. */
  show?(value: SettingValue): SettingValue;
}

const widened = (says: string, severity: ChangeSeverity = 'warning'): Verdict => ({ effect: 'widened', severity, says });
const narrowed = (says: string): Verdict => ({ effect: 'narrowed', severity: 'info', says });
const changed = (says: string, severity: ChangeSeverity = 'info'): Verdict => ({ effect: 'changed', severity, says });

/** Longest value quoted in a change's message; the table has the full value. */
const BRIEF_CHARS = 40;

/**
 * Short enough for a one-line message. Masked before it is cut: a secret cut at 40 characters (an auth URL without
 * its `@host`, a token's first 39 characters) is no longer recognised as one, and its start would show.
 */
function brief(value: SettingValue): string {
  const text = value === null ? 'none' : maskUrlCredentials(String(value), BRIEF_CHARS);
  return cutTo(text, BRIEF_CHARS);
}

const LIST_TABLE = [
  {
    setting: 'scopes',
    label: 'Scope',
    read: ({ app }) => app.scopes.map((scope) => scope.value),
    judge: (scope, added) =>
      !added
        ? narrowed(`scope ${brief(scope)} removed`)
        : scope === 'Full'
          ? widened('scope Full added: full access to everything the user can reach', 'error')
          : widened(`scope ${brief(scope)} added`),
  },
  {
    setting: 'callbackUrls',
    label: 'Callback URL',
    read: ({ app }) => app.callbackUrls.map((url) => url.value),
    judge: (url, added) => {
      if (!added) return narrowed(`callback ${brief(url)} removed`);
      // Judged as in a sandbox: plain http to a remote host is the error; loopback is lint's concern per environment.
      if (transportProblem(url, 'sandbox', true)?.kind === 'http') return widened(`plain-http callback ${brief(url)} added: codes travel in clear`, 'error');
      return widened(`callback ${brief(url)} added`);
    },
    // The same callback with only its scheme changed is one change: an upgrade to https, or a downgrade to http.
    replaces: (url, removed) => {
      const other = /^https:/i.test(url) ? url.replace(/^https:/i, 'http:') : /^http:/i.test(url) ? url.replace(/^http:/i, 'https:') : undefined;
      return other !== undefined && removed.has(other) ? other : undefined;
    },
    judgeReplacement: (before, after) => {
      if (/^https:/i.test(after)) return narrowed(`callback ${brief(after)} upgraded to https`);
      return widened(`callback ${brief(after)} downgraded to plain http`, transportProblem(after, 'sandbox', true)?.kind === 'http' ? 'error' : 'warning');
    },
  },
  {
    setting: 'trustedIpRanges',
    label: 'Trusted IP range',
    read: (state) => state.trustedIpRanges,
    judge: (range, added) => (added ? widened(`trusted IP range ${brief(range)} added: no login challenge from it`) : narrowed(`trusted IP range ${brief(range)} removed`)),
  },
  {
    setting: 'permittedProfiles',
    label: 'Permitted profile',
    policy: true,
    read: ({ app }) => app.permittedProfiles.map((profile) => profile.value),
    judge: (profile, added) => (added ? widened(`profile ${brief(profile)} may now use the app`) : narrowed(`profile ${brief(profile)} no longer permitted`)),
  },
  {
    setting: 'permittedPermissionSets',
    label: 'Permitted permission set',
    policy: true,
    read: ({ app }) => app.permittedPermissionSets.map((set) => set.value),
    judge: (set, added) => (added ? widened(`permission set ${brief(set)} may now use the app`) : narrowed(`permission set ${brief(set)} no longer permitted`)),
  },
] as const satisfies readonly ListSetting[];
const LISTS: readonly ListSetting[] = LIST_TABLE;

/** Strictest first: a later value relaxes IP restrictions more. */
const IP_RELAXATION_ORDER: readonly IpRelaxation[] = ['ENFORCE', 'ENFORCE_RELAXREFRESH', 'BYPASS_2FACTOR', 'BYPASS'];

/** A refresh-token policy's length in hours: zero 0, infinite Infinity; undefined when it cannot be told. */
function refreshTokenHours(policy: string): number | undefined {
  if (policy === 'zero') return 0;
  if (policy === 'infinite') return Number.POSITIVE_INFINITY;
  const match = /^specific_(?:lifetime|inactivity):(\d+):(HOURS|DAYS|MONTHS)$/.exec(policy);
  if (!match) return undefined;
  return Number(match[1]) * { HOURS: 1, DAYS: 24, MONTHS: 24 * 30 }[match[2] as 'HOURS' | 'DAYS' | 'MONTHS'];
}

/** The settings that are always-present booleans in the model (rotation, PKCE, the flows). */
type BooleanSetting = { [K in SettingName]-?: OAuthAppSettings[K] extends Located<boolean> ? K : never }[SettingName];

/** A boolean whose `true` is the protected state (rotation, PKCE): turning it off widens. */
function protection<S extends BooleanSetting>(setting: S, label: string, name: string, policy = false): ScalarSetting & { setting: S } {
  return {
    setting,
    label,
    policy,
    read: ({ app }) => app[setting].value,
    judge: (_before, after) => (after ? narrowed(`${name} turned on`) : widened(`${name} turned off`)),
  };
}

/** A boolean whose `true` opens something (a flow): turning it on widens. */
function opening<S extends BooleanSetting>(setting: S, label: string, name: string, severity: ChangeSeverity = 'warning'): ScalarSetting & { setting: S } {
  return {
    setting,
    label,
    read: ({ app }) => app[setting].value,
    judge: (_before, after) => (after ? widened(`${name} enabled`, severity) : narrowed(`${name} disabled`)),
  };
}

/**
 * An enumerated setting judged by strength, weakest first: a move down the list widens, up narrows; to or from an
 * absent value (or one outside the list) is only a change, since what the org then does is not written.
 */
function ranked(setting: 'sessionPolicyAction' | 'samlSigningAlgorithm' | 'samlEncryptionType', label: string, name: string, weakestFirst: readonly string[], policy = false) {
  return {
    setting,
    label,
    policy,
    read: ({ app }: AppState) => app[setting]?.value ?? null,
    judge: (before: SettingValue, after: SettingValue): Verdict => {
      const from = weakestFirst.indexOf(String(before));
      const to = weakestFirst.indexOf(String(after));
      const says = `${name} ${brief(before)} -> ${brief(after)}`;
      if (before === null || after === null || from < 0 || to < 0) return changed(says);
      return to < from ? widened(`${name} weakened: ${brief(before)} -> ${brief(after)}`) : narrowed(`${name} strengthened: ${brief(before)} -> ${brief(after)}`);
    },
  } satisfies ScalarSetting;
}

const ECA_PERMITTED_USERS = { true: 'AdminApprovedPreAuthorized', false: 'AllSelfAuthorized' } as const;

const SCALAR_TABLE = [
  {
    setting: 'adminApproved',
    label: 'Admin approval',
    policy: true,
    // An ECA says it as its permitted-users policy: show that spelling.
    read: ({ app }) => (app.kind === 'connectedApp' ? app.adminApproved.value : ECA_PERMITTED_USERS[`${app.adminApproved.value}`]),
    judge: (_before, after, kind) => {
      const approved = after === true || after === ECA_PERMITTED_USERS.true;
      if (approved) return narrowed(kind === 'connectedApp' ? 'admin approval now required' : 'permitted users limited to admin-approved users');
      return widened(kind === 'connectedApp' ? 'admin approval dropped: any user may authorize the app' : 'permitted users opened to AllSelfAuthorized');
    },
  },
  {
    setting: 'ipRelaxation',
    label: 'IP relaxation',
    policy: true,
    read: ({ app }) => app.ipRelaxation.value,
    judge: (before, after) => {
      const from = IP_RELAXATION_ORDER.indexOf(before as IpRelaxation);
      const to = IP_RELAXATION_ORDER.indexOf(after as IpRelaxation);
      return to > from ? widened(`IP restrictions relaxed from ${before} to ${after}`) : narrowed(`IP restrictions tightened from ${before} to ${after}`);
    },
  },
  {
    setting: 'refreshTokenPolicy',
    label: 'Refresh-token policy',
    policy: true,
    read: ({ app }) => app.refreshTokenPolicy?.value,
    judge: (before, after) => {
      const from = refreshTokenHours(String(before));
      const to = refreshTokenHours(String(after));
      const says = `refresh-token policy ${brief(before)} -> ${brief(after)}`;
      if (from === undefined || to === undefined || from === to) return changed(says);
      return to > from ? widened(`refresh tokens live longer: ${says}`) : narrowed(`refresh tokens live shorter: ${says}`);
    },
  },
  protection('refreshTokenRotation', 'Refresh-token rotation', 'refresh-token rotation'),
  // Documented default true; with it off a stolen refresh token is enough, without the client secret.
  protection('secretRequiredForRefreshToken', 'Secret required for refresh', 'client secret requirement on the refresh-token grant'),
  protection('pkceRequired', 'PKCE required', 'PKCE requirement'),
  {
    setting: 'consumerSecretOptional',
    label: 'Secret required',
    // Shown as "secret required", the way Setup says it: true is the protected state.
    read: ({ app }) => !app.consumerSecretOptional.value,
    judge: (_before, after) => (after ? narrowed('consumer secret required again') : widened('consumer secret no longer required')),
  },
  opening('clientCredentialsEnabled', 'Client credentials flow', 'client credentials flow'),
  {
    setting: 'clientCredentialsPolicyEnabled',
    label: 'Client credentials (policy)',
    policy: true,
    read: ({ app }) => app.clientCredentialsPolicyEnabled?.value,
    judge: (_before, after) => (after === true ? widened('client credentials flow allowed by the OAuth policy') : narrowed('client credentials flow no longer allowed by the policy')),
  },
  {
    setting: 'clientCredentialsUser',
    label: 'Client credentials run-as user',
    policy: true,
    read: ({ app }) => app.clientCredentialsUser?.value ?? null,
    judge: (before, after) =>
      after === null ? narrowed(`client credentials run-as user ${brief(before)} removed`) : widened(`client credentials flow now runs as ${brief(after)} (was ${brief(before)})`),
  },
  opening('deviceFlowEnabled', 'Device flow', 'device flow'),
  opening('tokenExchangeEnabled', 'Token exchange', 'token exchange flow'),
  opening('codeCredentialEnabled', 'Authorization Code and Credentials flow', 'headless Authorization Code and Credentials flow'),
  opening('introspectAllTokens', 'Introspect all tokens', 'introspection of every token of the org'),
  {
    setting: 'certificate',
    label: 'Certificate',
    read: ({ app }) => app.certificate?.value ?? null,
    judge: (before, after) =>
      after === null ? widened('certificate removed: JWT bearer no longer pinned to a key') : before === null ? narrowed('certificate added') : changed('certificate replaced'),
    show: (value) => (typeof value === 'string' ? describeCertificate(value) : value),
  },
  {
    setting: 'sessionLevel',
    label: 'Session level',
    policy: true,
    read: ({ app }) => app.sessionLevel?.value.toUpperCase() ?? null,
    judge: (before, after) =>
      before === 'HIGH_ASSURANCE' ? widened('high-assurance session no longer required') : after === 'HIGH_ASSURANCE' ? narrowed('high-assurance session now required') : changed(`session level ${brief(before)} -> ${brief(after)}`),
  },
  // Block refuses a lower session; RaiseSessionLevel lets the user step up to it (metadata.md 1.4): Block is stricter.
  ranked('sessionPolicyAction', 'Session policy action', 'session policy action', ['RaiseSessionLevel', 'Block'], true),
  // SAML (Connected Apps only): SHA-1 signatures are collision-prone, Triple DES is deprecated (metadata.md 1.5).
  ranked('samlSigningAlgorithm', 'SAML signing algorithm', 'SAML signing algorithm', ['SHA1', 'SHA256']),
  ranked('samlEncryptionType', 'SAML encryption', 'SAML encryption', ['Triple_Des', 'AES_128', 'AES_256']),
  {
    setting: 'consumerKey',
    label: 'Consumer key',
    read: ({ app }) => app.consumerKey?.value ?? null,
    judge: () => changed('consumer key changed: clients using the old key stop working', 'warning'),
  },
  {
    setting: 'consumerSecret',
    label: 'Consumer secret',
    read: ({ app }) => app.consumerSecret?.value ?? null,
    judge: () => changed('consumer secret changed in the repository'),
    show: (value) => (typeof value === 'string' ? maskSecret(value) : value),
  },
] as const satisfies readonly ScalarSetting[];
const SCALARS: readonly ScalarSetting[] = SCALAR_TABLE;

/** The model's settings the diff does not compare, each with the reason. */
export const NOT_COMPARED = {
  label: "the app's display name in Setup: who may get a token, and how, does not change with it",
  otherUrls: 'start, logo, info, logout, canvas and SAML URLs are where the app links, not who gets a token; lint checks each',
} as const satisfies Partial<Record<SettingName, string>>;

/** Every setting the diff compares: lists first (compared for a new app too), then single values. */
export const DIFF_SETTINGS: readonly (ListSetting | ScalarSetting)[] = [...LISTS, ...SCALARS];

// A setting the model gains and the diff neither compares nor lists in NOT_COMPARED fails to compile here, naming it.
type Uncovered = Exclude<SettingName, (typeof LIST_TABLE)[number]['setting'] | (typeof SCALAR_TABLE)[number]['setting'] | keyof typeof NOT_COMPARED>;
const EVERY_SETTING_PLACED: [Uncovered] extends [never] ? true : { uncovered: Uncovered } = true;
void EVERY_SETTING_PLACED;

const LABELS = new Map<string, string>([...LISTS, ...SCALARS].map((setting) => [setting.setting, setting.label]));
const LIST_SETTINGS = new Set<string>(LISTS.map((setting) => setting.setting));

/** The Change column of the tables: "Scope added", "Admin approval". */
export function changeTitle(change: Pick<SettingChange, 'setting' | 'before' | 'after'>): string {
  if (change.setting === 'app') return change.before === null ? 'App added' : 'App removed';
  if (change.setting === 'file') return 'File unreadable';
  if (change.setting === 'policyFile') return 'OAuth policy file';
  const label = LABELS.get(change.setting) ?? change.setting;
  if (!LIST_SETTINGS.has(change.setting)) return label;
  return `${label} ${change.before === null ? 'added' : change.after === null ? 'removed' : 'changed'}`;
}

function describeCertificate(pem: string): string {
  const analysis = analyzeCertificate(pem);
  return analysis.ok ? `certificate expiring ${analysis.info.notAfter.toISOString().slice(0, 10)}` : 'a certificate';
}

/** Cuts a message to about 120 characters, keeping the app first. */
function sentence(app: string, says: string): string {
  const text = `${app}: ${says}.`;
  return text.length > 120 ? `${text.slice(0, 118)}….` : text;
}

/**
 * The changes of one app between its two states. `before` undefined: the app is new, so only what it brings in
 * (scopes, callbacks, ranges) is listed. An External Client App's policy settings are compared only when both
 * states commit its OAuth policy file: without it the org keeps whatever policy it has, so nothing can be said.
 */
export function compareSettings(before: AppState | undefined, after: AppState): SettingChange[] {
  const { app } = after;
  const changes: SettingChange[] = [];
  const policyComparable = app.kind === 'connectedApp' || (before?.app.hasPolicyFile === true && app.hasPolicyFile);
  const comparable = (setting: { policy?: boolean }) => !setting.policy || app.kind === 'connectedApp' || policyComparable || before === undefined;
  for (const setting of LISTS) {
    if (!comparable(setting)) continue;
    const old = new Set(before ? setting.read(before) : []);
    const now = new Set(setting.read(after));
    const removed = new Set([...old].filter((entry) => !now.has(entry)));
    for (const entry of now) {
      if (old.has(entry)) continue;
      const replaced = setting.replaces?.(entry, removed);
      if (replaced !== undefined && setting.judgeReplacement) {
        removed.delete(replaced);
        changes.push(listChange(setting, app, replaced, entry, setting.judgeReplacement(replaced, entry)));
      } else changes.push(listChange(setting, app, null, entry, setting.judge(entry, true, app.kind)));
    }
    for (const entry of removed) changes.push(listChange(setting, app, entry, null, setting.judge(entry, false, app.kind)));
  }
  if (!before) return changes;
  for (const setting of SCALARS) {
    if (!comparable(setting)) continue;
    const from = setting.read(before);
    const to = setting.read(after);
    if (from === undefined || to === undefined || from === to) continue;
    const verdict = setting.judge(from, to, app.kind);
    const show = setting.show ?? ((value: SettingValue) => value);
    changes.push({ setting: setting.setting, before: show(from), after: show(to), effect: verdict.effect, severity: verdict.severity, message: sentence(app.name, verdict.says) });
  }
  if (app.kind === 'externalClientApp' && before.app.hasPolicyFile !== app.hasPolicyFile) {
    const says = app.hasPolicyFile
      ? 'OAuth policy file added to the repository; deploying it sets the policy'
      : 'OAuth policy file no longer in the repository; the org keeps its current policy';
    changes.push({ setting: 'policyFile', before: before.app.hasPolicyFile, after: app.hasPolicyFile, effect: 'changed', severity: 'info', message: sentence(app.name, says) });
  }
  return changes;
}

function listChange(setting: ListSetting, app: OAuthApp, before: string | null, after: string | null, verdict: Verdict): SettingChange {
  return { setting: setting.setting, before, after, effect: verdict.effect, severity: verdict.severity, message: sentence(app.name, verdict.says) };
}

export { sentence as changeSentence };
