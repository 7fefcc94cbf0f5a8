/**
 * Values the platform rejects at deploy. The model records them while reading each file (see src/model/fields.ts),
 * so this rule only words them; unknown elements are never recorded, because real files carry undocumented ones.
 */
export declare const validMetadata: import("../types.js").Rule;
