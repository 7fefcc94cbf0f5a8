/** `Full` grants everything the user can reach, including refresh tokens: almost no integration needs it. */
export declare const noFullScope: import("../types.js").Rule;
