import { analyzeCertificate } from '../model/certificate.js';
import type { AppSummary, Environment, OAuthApp } from '../types.js';
import type { LinterConfig } from '../config/types.js';
import { environmentFor } from './severity.js';

/** One line per app, for job summaries: what a reviewer wants to see at a glance. */
export function summarizeApps(apps: readonly OAuthApp[], config: LinterConfig, cliEnvironment: Environment | undefined): AppSummary[] {
  // Apps excluded by .forceignore never deploy: they are not part of the project's picture.
  return apps.filter((app) => !app.forceIgnored).map((app) => {
    const certificate = app.certificate ? analyzeCertificate(app.certificate.value) : undefined;
    return {
      name: app.name,
      kind: app.kind,
      file: app.anchor.file,
      flows: app.flows.value,
      flowDeclared: app.flows.declared,
      usesOAuth: app.usesOAuth,
      scopes: app.scopes.map((scope) => scope.value),
      callbackUrls: app.callbackUrls.map((url) => url.value),
      adminApproved: app.adminApproved.value,
      ipRelaxation: app.ipRelaxation.value,
      ...(certificate?.ok ? { certificateExpiry: certificate.info.notAfter.toISOString().slice(0, 10) } : {}),
      environment: environmentFor(config.apps?.[app.name]?.environment, cliEnvironment, config),
    };
  });
}
