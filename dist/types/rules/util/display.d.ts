/** A URL as written, for a message: credentials masked, on one line, a hostile very long value cut (the finding's position points at the whole of it anyway). */
export declare function quoteUrl(value: string): string;
