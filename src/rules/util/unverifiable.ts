// DECISIONS 16: what the repository cannot show is said in the same words by every rule that needs it.

/** The tail of a message about an External Client App whose admin-owned OAuth policy file is not committed. */
export const NO_POLICY_FILE = 'cannot be verified: no OAuth policy file (.ecaOauthPlcy) in the project';
