// The ONE place the diff reads an app's settings: which model field each setting is, what its value looks like in
// a report, and whether a change widens access (more access, weaker protection), narrows it, or neither. When the
// model gains its own settings table, point `SETTINGS` at it; nothing else in src/diff reads OAuthApp fields.
import { analyzeCertificate } from '../model/certificate.js';
import { maskUrlCredentials } from '../rules/util/display.js';
import { transportProblem } from '../rules/util/http-url.js';
import { maskSecret } from '../secrets/mask.js';
import { cutTo } from '../text/safe-text.js';
import type { AppKind, IpRelaxation, OAuthApp } from '../types.js';
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
  setting: string;
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
  setting: string;
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

const LISTS: ListSetting[] = [
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
];

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

/** A boolean whose `true` is the protected state (rotation, PKCE): turning it off widens. */
function protection(setting: string, label: string, name: string, policy = false): ScalarSetting {
  return {
    setting,
    label,
    policy,
    read: ({ app }) => (app as unknown as Record<string, { value: boolean }>)[setting]!.value,
    judge: (_before, after) => (after ? narrowed(`${name} turned on`) : widened(`${name} turned off`)),
  };
}

/** A boolean whose `true` opens something (a flow): turning it on widens. */
function opening(setting: string, label: string, name: string, severity: ChangeSeverity = 'warning'): ScalarSetting {
  return {
    setting,
    label,
    read: ({ app }) => (app as unknown as Record<string, { value: boolean }>)[setting]!.value,
    judge: (_before, after) => (after ? widened(`${name} enabled`, severity) : narrowed(`${name} disabled`)),
  };
}

const ECA_PERMITTED_USERS = { true: 'AdminApprovedPreAuthorized', false: 'AllSelfAuthorized' } as const;

const SCALARS: ScalarSetting[] = [
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
];

const LABELS = new Map<string, string>([...LISTS, ...SCALARS].map((setting) => [setting.setting, setting.label]));
const LIST_SETTINGS = new Set(LISTS.map((setting) => setting.setting));

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

/** Whether two states of an app have the same settings (a rename or a move is then nothing more). */
export function sameSettings(a: AppState, b: AppState): boolean {
  return compareSettings(a, b).length === 0;
}

export { sentence as changeSentence };
