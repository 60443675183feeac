package org.mitra.referral.audit;

/** What the audit log records. */
public enum AuditAction {
    /** Reading a subject's identity from the vault. */
    IDENTITY_READ,
    /** Withdrawing consent, which destroys the subject's data key. */
    CONSENT_WITHDRAWN
}
