import type { IpRelaxation, Rule } from '../types.js';
import { defineMeta } from './util/meta.js';
import { elementName, ipRelaxationSpelling } from './util/elements.js';

const RELAXING: ReadonlySet<IpRelaxation> = new Set(['BYPASS', 'BYPASS_2FACTOR']);

/** IP restrictions are a second factor for stolen tokens: relaxing them needs a reason and a stronger session. */
export const ipRelaxationEnforced: Rule = {
  meta: defineMeta({
    id: 'ip-relaxation-enforced',
    description: 'The app must enforce IP restrictions, or pair a stated reason for relaxing them with high-assurance sessions.',
    fullDescription:
      'BYPASS ignores the org\'s and profiles\' login IP ranges for the app, and BYPASS_2FACTOR relaxes them; a stolen token or password then works from anywhere. ENFORCE and ENFORCE_RELAXREFRESH pass. When an app must relax IP restrictions, record the reason in the configuration (apps.<name>.ipRelaxation.reason) and require a high-assurance session (Connected App sessionPolicy/sessionLevel, External Client App requiredSessionLevel HIGH_ASSURANCE), so that users prove a second factor instead.',
    severity: { production: 'error', sandbox: 'warn' },
    tags: ['security', 'oauth', 'network'],
    securitySeverity: 6.1,
    precision: 'very-high',
  }),
  checkApp(app, ctx) {
    if (!app.usesOAuth || !RELAXING.has(app.ipRelaxation.value)) return;
    const element = elementName(app.kind, 'ipRelaxation');
    const value = ipRelaxationSpelling(app.kind, app.ipRelaxation.value);
    const sessionLevel = elementName(app.kind, 'sessionLevel');
    const reason = ctx.appConfig?.ipRelaxation?.reason;
    if (typeof reason !== 'string' || reason.trim() === '') {
      ctx.report({
        message: `App "${app.name}" relaxes IP restrictions: ${element} is ${value}, so a stolen token or password works from any network. Use ${ipRelaxationSpelling(app.kind, 'ENFORCE')}, or record the reason in apps.${app.name}.ipRelaxation.reason and require ${sessionLevel} HIGH_ASSURANCE.`,
        at: app.ipRelaxation.at,
      });
      return;
    }
    // The literal sessionLevel of a Connected App is undocumented [UNCERTAIN]: compare without case.
    if (app.sessionLevel?.value.toUpperCase() === 'HIGH_ASSURANCE') return;
    ctx.report({
      message: `App "${app.name}" states a reason for ${element} ${value}, but relaxing IP restrictions must be paired with high assurance: set ${sessionLevel} to HIGH_ASSURANCE.`,
      at: app.ipRelaxation.at,
    });
  },
};
