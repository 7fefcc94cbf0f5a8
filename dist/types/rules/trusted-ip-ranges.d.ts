/** Users inside a trusted range skip identity verification: a huge range trusts much of the internet. */
export declare const trustedIpRanges: import("../types.js").Rule;
