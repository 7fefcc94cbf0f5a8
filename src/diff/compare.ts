// Apps of the two sides, matched by kind and API name: added, removed, modified (unchanged ones left out). A file
// that cannot be read on one side makes its app "not compared" rather than removed; a rename is said as such.
import { posix } from 'node:path';
import { relativePath } from '../engine/fingerprint.js';
import { maskUrlCredentials } from '../secrets/url-credentials.js';
import type { OAuthApp } from '../types.js';
import type { FileChange } from './read-side.js';
import { appState, changeSentence, compareSettings, type AppState } from './settings.js';
import type { Snapshot } from './snapshot.js';
import type { AppDiff, SettingChange } from './types.js';

const KIND_NAME = { connectedApp: 'Connected App', externalClientApp: 'External Client App' } as const;
const MANIFEST_TYPE = { connectedApp: 'ConnectedApp', externalClientApp: 'ExternalClientApplication' } as const;

const key = (app: Pick<OAuthApp, 'kind' | 'name'>) => `${app.kind}/${app.name}`;

export function compareSnapshots(base: Snapshot, head: Snapshot, changes: readonly FileChange[], gitRoot: string): { apps: AppDiff[]; notices: string[] } {
  const notices: string[] = [];
  // Apps that .forceignore keeps from deploying are not part of either state.
  const baseApps = new Map(base.apps.filter((app) => !app.forceIgnored).map((app) => [key(app), app]));
  const headApps = new Map(head.apps.filter((app) => !app.forceIgnored).map((app) => [key(app), app]));
  const relative = (file: string) => relativePath(gitRoot, file);

  // An app with a file that one side cannot read is not compared: its settings there are unknown, not absent.
  const unreadableOn = (snapshot: Snapshot, app: OAuthApp | undefined, other: OAuthApp | undefined): [string, string] | undefined => {
    const paths = [...(app?.files ?? []), ...(other?.files ?? [])].map((file) => file.file);
    for (const path of paths) {
      const reason = snapshot.unreadable.get(path);
      if (reason !== undefined) return [path, reason];
    }
    return undefined;
  };

  const removedNames = [...baseApps.keys()].filter((name) => !headApps.has(name));
  const addedNames = [...headApps.keys()].filter((name) => !baseApps.has(name));
  const renames = pairRenames(
    removedNames.map((name) => baseApps.get(name)!),
    addedNames.map((name) => headApps.get(name)!),
    changes,
    relative,
  );

  const apps: AppDiff[] = [];
  for (const name of [...new Set([...baseApps.keys(), ...headApps.keys()])].sort()) {
    const before = baseApps.get(name);
    const after = headApps.get(name);
    const app = (after ?? before)!;
    const unreadableAtHead = unreadableOn(head, after, before);
    const unreadable = unreadableAtHead ?? unreadableOn(base, before, after);
    if (unreadable) {
      const side = unreadableAtHead ? head : base;
      const [path, reason] = unreadable;
      notices.push(`${relative(path)} cannot be read at ${side.side.ref} (${reason}); ${app.name} was not compared.`);
      apps.push({
        app: app.name,
        kind: app.kind,
        status: 'modified',
        changes: [
          {
            setting: 'file',
            before: side === base ? null : relative(path),
            after: side === head ? null : relative(path),
            effect: 'changed',
            severity: 'error',
            message: changeSentence(app.name, `${posix.basename(relative(path))} cannot be read at ${side.side.ref}, so its settings were not compared`),
          },
        ],
      });
      continue;
    }
    if (before && after) {
      const found = compareSettings(state(base, before), state(head, after));
      if (found.length > 0) apps.push({ app: app.name, kind: app.kind, status: 'modified', changes: found.map(masked) });
    } else if (before) {
      apps.push(removal(before, renames.to.get(before), head));
    } else if (after) {
      apps.push(addition(after, renames.from.get(after), head));
    }
  }
  return { apps, notices };
}

function state(snapshot: Snapshot, app: OAuthApp): AppState {
  return appState(app);
}

/** Deleting an app revokes every token it issued; whether the change deletes it depends on a destructive manifest. */
function removal(app: OAuthApp, renamedTo: OAuthApp | undefined, head: Snapshot): AppDiff {
  const listed = head.destructiveMembers.has(`${MANIFEST_TYPE[app.kind]}/${app.name}`) || head.destructiveMembers.has(`${MANIFEST_TYPE[app.kind]}/*`);
  const what = renamedTo ? `renamed to ${renamedTo.name}` : `${KIND_NAME[app.kind]} removed`;
  const manifest = listed ? 'destructiveChanges lists it' : 'no destructiveChanges*.xml lists it yet';
  const change: SettingChange = {
    setting: 'app',
    before: app.name,
    after: null,
    effect: 'changed',
    severity: 'warning',
    message: changeSentence(app.name, `${what}; deleting it revokes all its tokens (${manifest})`),
  };
  return { app: app.name, kind: app.kind, status: 'removed', ...(renamedTo ? { renamedTo: renamedTo.name } : {}), changes: [change] };
}

/** A new Connected App cannot be created in an org any more (Spring '26): an External Client App replaces it. */
function addition(app: OAuthApp, renamedFrom: OAuthApp | undefined, head: Snapshot): AppDiff {
  const origin = renamedFrom ? `renamed from ${renamedFrom.name}` : `new ${KIND_NAME[app.kind]}`;
  const change: SettingChange =
    app.kind === 'connectedApp'
      ? {
          setting: 'app',
          before: null,
          after: app.name,
          effect: 'widened',
          severity: 'warning',
          message: changeSentence(app.name, `${origin}; orgs cannot create Connected Apps since Spring '26: use an External Client App`),
        }
      : { setting: 'app', before: null, after: app.name, effect: 'widened', severity: 'info', message: changeSentence(app.name, origin) };
  return {
    app: app.name,
    kind: app.kind,
    status: 'added',
    ...(renamedFrom ? { renamedFrom: renamedFrom.name } : {}),
    changes: [change, ...compareSettings(undefined, appState(app)).map(masked)],
  };
}

/**
 * Removed and added apps of one kind that are the same app under a new name: git saw one's file renamed to the
 * other's, or both carry the same consumer key.
 */
function pairRenames(removed: OAuthApp[], added: OAuthApp[], changes: readonly FileChange[], relative: (file: string) => string) {
  const to = new Map<OAuthApp, OAuthApp>();
  const from = new Map<OAuthApp, OAuthApp>();
  const renamedFiles = new Map(changes.filter((change) => change.status === 'R' && change.from).map((change) => [change.from!, change.path]));
  for (const old of removed) {
    const candidates = added.filter((app) => app.kind === old.kind && !from.has(app));
    const oldFiles = old.files.map((file) => renamedFiles.get(relative(file.file)));
    const match =
      candidates.find((app) => app.files.some((file) => oldFiles.includes(relative(file.file)))) ??
      candidates.find((app) => old.consumerKey?.value !== undefined && app.consumerKey?.value === old.consumerKey.value);
    if (match) {
      to.set(old, match);
      from.set(match, old);
    }
  }
  return { to, from };
}

/**
 * Nothing taken from the files shows a secret in full: values and messages go through the secret masker, URLs'
 * passwords and credential parameters (`?client_secret=`) included.
 */
function masked(change: SettingChange): SettingChange {
  const mask = <T>(value: T): T => (typeof value === 'string' ? (maskUrlCredentials(value) as T) : value);
  return { ...change, before: mask(change.before), after: mask(change.after), message: mask(change.message) };
}
