import type { IpRelaxation } from '../types.js';
import { defineRule } from './util/define-rule.js';
import { settingElement } from '../model/settings.js';
import { ipRelaxationSpelling } from './util/spelling.js';

const RELAXING: ReadonlySet<IpRelaxation> = new Set(['BYPASS', 'BYPASS_2FACTOR']);

/** IP restrictions are a second factor for stolen tokens: relaxing them needs a reason and a stronger session. */
export const ipRelaxationEnforced = defineRule({
  meta: {
    id: 'ip-relaxation-enforced',
    description: 'The app must enforce IP restrictions, or pair a stated reason for relaxing them with high-assurance sessions.',
    fullDescription:
      'BYPASS ignores the org\'s and profiles\' login IP ranges for the app, and BYPASS_2FACTOR relaxes them; a stolen token or password then works from anywhere. ENFORCE and ENFORCE_RELAXREFRESH pass. When an app must relax IP restrictions, record the reason in the configuration (apps.<name>.ipRelaxation.reason) and require a high-assurance session (Connected App sessionPolicy/sessionLevel, External Client App requiredSessionLevel HIGH_ASSURANCE), so that users prove a second factor instead.',
    severity: { production: 'error', sandbox: 'warn' },
    appliesTo: ['oauth-apps'],
    tags: ['security', 'oauth', 'network'],
    securitySeverity: 6.1,
    precision: 'very-high',
    messages: {
      relaxed: 'App "{{app}}" sets {{element}} {{value}}, so stolen tokens work from any network; use {{enforce}}',
      noHighAssurance: 'App "{{app}}" relaxes IP restrictions ({{value}}) with a reason but without {{sessionLevel}} HIGH_ASSURANCE',
    },
  },
  checkApp(app, ctx) {
    if (!RELAXING.has(app.ipRelaxation.value)) return;
    const data = {
      app: app.name,
      element: settingElement(app.kind, 'ipRelaxation'),
      value: ipRelaxationSpelling(app.kind, app.ipRelaxation.value),
      enforce: ipRelaxationSpelling(app.kind, 'ENFORCE'),
      sessionLevel: settingElement(app.kind, 'sessionLevel'),
    };
    const reason = ctx.appConfig?.ipRelaxation?.reason;
    if (typeof reason !== 'string' || reason.trim() === '') {
      ctx.report({ messageId: 'relaxed', data, at: app.ipRelaxation.at });
      return;
    }
    // The literal sessionLevel of a Connected App is undocumented [UNCERTAIN]: compare without case.
    if (app.sessionLevel?.value.toUpperCase() === 'HIGH_ASSURANCE') return;
    ctx.report({ messageId: 'noHighAssurance', data, at: app.ipRelaxation.at });
  },
});
