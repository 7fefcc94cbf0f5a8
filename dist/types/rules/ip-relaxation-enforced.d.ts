/** IP restrictions are a second factor for stolen tokens: relaxing them needs a reason and a stronger session. */
export declare const ipRelaxationEnforced: import("../types.js").Rule;
