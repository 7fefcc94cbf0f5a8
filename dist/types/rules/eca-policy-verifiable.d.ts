/**
 * DECISIONS 16: an External Client App's admin-owned OAuth policy file is often not committed. This rule is the one
 * place that says so, once per app; the rules that read the policy (admin approval, refresh-token lifetime, IP
 * relaxation, run-as user …) stay silent about such an app instead of each repeating it or assuming a default.
 */
export declare const ecaPolicyVerifiable: import("../types.js").Rule;
