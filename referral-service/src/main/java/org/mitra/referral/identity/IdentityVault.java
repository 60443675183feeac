package org.mitra.referral.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mitra.referral.audit.AuditAction;
import org.mitra.referral.audit.AuditEntry.Outcome;
import org.mitra.referral.audit.AuditLog;
import org.mitra.referral.lifecycle.Side;
import org.mitra.referral.referral.Consent;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralAccess;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.OrganizationNotVerifiedException;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * Keeps subjects' identities and the senders' notes encrypted with each subject's data key, and
 * lets only the two organizations' staff read an identity, writing every read and every refusal
 * to the audit log.
 */
@ApplicationScoped
public class IdentityVault {
    private static final Logger LOG = Logger.getLogger(IdentityVault.class);

    @Inject
    Vault vault;

    @Inject
    VaultConfig config;

    @Inject
    KeyStore keyStore;

    @Inject
    ObjectMapper json;

    @Inject
    ReferralAccess access;

    @Inject
    AuditLog audit;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Subject newSubject(UUID organizationId) {
        Subject subject = new Subject();
        subject.id = UUID.randomUUID();
        subject.organizationId = organizationId;
        // The key store commits the key at once, before this (the referral) transaction: no XA. If the
        // referral transaction then rolls back, the key is an orphan no ciphertext uses, which is harmless.
        keyStore.put(subject.id, vault.newDataKey(subject.id));
        subject.createdAt = clock.instant();
        subject.persist();
        return subject;
    }

    /** The identity as the bytes that would be encrypted, to check its size before anything is stored. */
    public byte[] serialize(Identity identity) {
        try {
            return json.writeValueAsBytes(identity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize an identity", e);
        }
    }

    public int maxIdentityBytes() {
        return config.maxIdentityBytes();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Subject subject, Identity identity) {
        subject.identityCiphertext = vault.encrypt(subject.id, liveKey(subject), serialize(identity), identityPlace(subject.id));
    }

    public byte[] encryptNote(Subject subject, UUID referralId, String note) {
        return vault.encrypt(subject.id, liveKey(subject), note.getBytes(StandardCharsets.UTF_8), notePlace(referralId));
    }

    /** The police report number of an intervention referral, encrypted like the note and bound to its row. */
    public byte[] encryptReportNumber(Subject subject, UUID referralId, String reportNumber) {
        return vault.encrypt(subject.id, liveKey(subject), reportNumber.getBytes(StandardCharsets.UTF_8),
                reportNumberPlace(referralId));
    }

    /** The referral's police report number, or empty when there is none or the subject's key was destroyed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> reportNumber(Referral referral) {
        return decrypt(referral, referral.lawEnforcementReportNumberCiphertext, reportNumberPlace(referral.id));
    }

    /** The subject's wrapped data key, unless consent was withdrawn or the key store has none (destroyed). */
    Optional<byte[]> dataKey(Subject subject) {
        return subject.keyDestroyedAt != null ? Optional.empty() : keyStore.find(subject.id);
    }

    /** Whether the subject's data key was destroyed: its identity and notes can no longer be read, here or in any backup. */
    public boolean isShredded(Subject subject) {
        return dataKey(subject).isEmpty();
    }

    private byte[] liveKey(Subject subject) {
        return dataKey(subject).orElseThrow(() -> new IllegalStateException("Subject " + subject.id + " has no data key"));
    }

    /** The referral's note, or empty when there is none or the subject's key was destroyed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> note(Referral referral) {
        return decrypt(referral, referral.noteCiphertext, notePlace(referral.id));
    }

    private Optional<String> decrypt(Referral referral, byte[] ciphertext, Vault.CipherPlace place) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        Subject subject = Subject.findById(referral.subjectId);
        Optional<byte[]> key = subject == null ? Optional.empty() : dataKey(subject);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(vault.decrypt(subject.id, key.get(), ciphertext, place), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            LOG.errorf("The %s of referral %s does not decrypt", place.column(), referral.id);
            return Optional.empty();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasReadableIdentity(Referral referral) {
        Subject subject = Subject.findById(referral.subjectId);
        return subject != null && subject.identityCiphertext != null && !isShredded(subject);
    }

    /** Reads the identity for the staff of the referral's two organizations; audits every attempt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Identity read(UUID referralId) {
        if (access.isStaff()) {
            try {
                access.ownOrganization();
            } catch (OrganizationNotVerifiedException refused) {
                audit.record(referralId, AuditAction.IDENTITY_READ, Outcome.REFUSED);
                throw refused;
            }
        }
        Referral referral = Referral.findById(referralId);
        Optional<Side> side = referral == null ? Optional.empty() : access.sideOf(referral);
        if (side.isEmpty()) {
            audit.record(referralId, AuditAction.IDENTITY_READ, Outcome.REFUSED);
            if (referral != null && access.isCoalitionAdmin()) {
                throw new AccessDeniedException("Survivor identity is readable only by the staff of the sending and receiving organizations");
            }
            throw ResourceNotFoundException.of("Referral", referralId);
        }
        if (side.get() == Side.RECEIVER && !consentCoversReceiver(referral, Consent.Shared.IDENTITY)) {
            audit.record(referralId, AuditAction.IDENTITY_READ, Outcome.REFUSED);
            throw new AccessDeniedException("The consent on referral " + referralId + " does not share the identity with the receiving organization");
        }
        if (!access.mayReadPersonalData(referral, side.get())) {
            audit.record(referralId, AuditAction.IDENTITY_READ, Outcome.REFUSED);
            throw new AccessDeniedException("The receiving organization reads the identity only while referral " + referralId
                    + " is open and for a limited time after it closes, never after it was rejected or entered in error")
                    .with("currentState", referral.status.name());
        }
        Subject subject = Subject.findById(referral.subjectId);
        // No key in the key store (consent withdrawn, possibly before the referral database was restored
        // from a backup) reads exactly like a withdrawn consent.
        Optional<byte[]> key = dataKey(subject);
        if (key.isEmpty() || subject.identityCiphertext == null) {
            audit.record(referralId, AuditAction.IDENTITY_READ, Outcome.UNAVAILABLE);
            throw new ResourceNotFoundException(key.isEmpty()
                    ? "The identity of referral " + referralId + " was erased when consent was withdrawn"
                    : "Referral " + referralId + " carries no identity");
        }
        Identity identity;
        try {
            byte[] plaintext = vault.decrypt(subject.id, key.get(), subject.identityCiphertext, identityPlace(subject.id));
            identity = json.readValue(plaintext, Identity.class);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The identity of subject " + subject.id + " does not decrypt");
        }
        audit.record(referralId, AuditAction.IDENTITY_READ, Outcome.GRANTED);
        return identity;
    }

    /**
     * Crypto-shredding: without its data key, no copy of the subject's ciphertexts (backups included)
     * can be read. The key store deletes the key and records the subject in its shred ledger and
     * commits FIRST; only then does the caller's referral transaction erase the ciphertext. If that
     * transaction fails, the identity is already unreadable (failing towards privacy) and the ledger
     * lets {@link KeyStoreStartup} finish the erasure at the next start.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void destroyKey(Subject subject) {
        Instant now = clock.instant();
        keyStore.shred(subject.id, now);
        erase(subject, now);
    }

    /** The referral database's half of the shredding: no identity ciphertext, and when the key was destroyed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(Subject subject, Instant shreddedAt) {
        subject.identityCiphertext = null;
        if (subject.keyDestroyedAt == null) {
            subject.keyDestroyedAt = shreddedAt;
        }
    }

    private static boolean consentCoversReceiver(Referral referral, Consent.Shared what) {
        return referral.consent != null && referral.consentWithdrawnAt == null
                && referral.consent.covers(what)
                && referral.consent.sharedWith().contains(referral.receivingOrganizationId);
    }

    /**
     * Whether this side may be shown this part of the person's data on the referral now: the sender always
     * (its own subject), the receiver when the consent shares it with the receiver and within the receiver's
     * window ({@link ReferralAccess#mayReadPersonalData}).
     */
    public boolean mayShow(Referral referral, Side side, Consent.Shared what) {
        return side == Side.SENDER || (consentCoversReceiver(referral, what) && access.mayReadPersonalData(referral, side));
    }

    static Vault.CipherPlace identityPlace(UUID subjectId) {
        return new Vault.CipherPlace("subject", "identity_ciphertext", subjectId);
    }

    static Vault.CipherPlace notePlace(UUID referralId) {
        return new Vault.CipherPlace("referral", "note_ciphertext", referralId);
    }

    static Vault.CipherPlace reportNumberPlace(UUID referralId) {
        return new Vault.CipherPlace("referral", "law_enforcement_report_number_ciphertext", referralId);
    }
}
