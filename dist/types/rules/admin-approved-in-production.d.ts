/** Without admin approval any user of the org can authorize the app for themselves. */
export declare const adminApprovedInProduction: import("../types.js").Rule;
