/** The tail of a message about an External Client App whose admin-owned OAuth policy file is not committed. */
export declare const NO_POLICY_FILE = "cannot be verified: no OAuth policy file (.ecaOauthPlcy) in the project";
