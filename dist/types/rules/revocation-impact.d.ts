/** Deleting an app is an outage for everything that authenticates through it: make the deletion a reviewed decision. */
export declare const revocationImpact: import("../types.js").Rule;
