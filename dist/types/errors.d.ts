/** A mistake in how the linter was called or configured: exit code 2, a message, no stack trace. */
export declare class UsageError extends Error {
}
