package org.mitra.referral.identity;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
    /** The transaction's resource holding the wrapped keys it read (see {@link #keysRead()}). */
    private static final Object KEYS_READ = new Object();

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

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Subject newSubject(UUID organizationId) {
        return newSubject(organizationId, null);
    }

    /** A new subject with its own data key, and its identity (if any) encrypted before the row is first written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Subject newSubject(UUID organizationId, Identity identity) {
        Subject subject = new Subject();
        subject.id = UUID.randomUUID();
        subject.organizationId = organizationId;
        byte[] dataKey = vault.newDataKey(subject.id);
        // The key store commits the key at once, before this (the referral) transaction: no XA. If the
        // referral transaction then rolls back, the key is an orphan no ciphertext uses, which is harmless.
        keyStore.put(subject.id, dataKey);
        keysRead().put(subject.id, Optional.of(dataKey));
        if (identity != null) {
            subject.identityCiphertext = vault.encrypt(subject.id, dataKey, serialize(identity), identityPlace(subject.id));
        }
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

    /**
     * The subject's wrapped data key, unless consent was withdrawn or the key store has none (destroyed). Read from the
     * key store once per transaction: a request's checks, encryptions and views ask for the same key several times.
     */
    Optional<byte[]> dataKey(Subject subject) {
        if (subject.keyDestroyedAt != null) {
            return Optional.empty();
        }
        Map<UUID, Optional<byte[]>> read = keysRead();
        return read == null ? keyStore.find(subject.id) : read.computeIfAbsent(subject.id, keyStore::find);
    }

    /**
     * Reads the subjects of these referrals (one query) and the data keys their views need (one key-store query), so
     * that showing a page of referrals costs neither a query per subject nor one per ciphertext.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prefetch(Collection<Referral> referrals) {
        Set<UUID> subjectIds = referrals.stream().map(referral -> referral.subjectId).collect(Collectors.toSet());
        if (subjectIds.isEmpty()) {
            return;
        }
        Set<UUID> withCiphertexts = referrals.stream()
                .filter(referral -> referral.noteCiphertext != null || referral.lawEnforcementReportNumberCiphertext != null)
                .map(referral -> referral.subjectId).collect(Collectors.toSet());
        List<Subject> subjects = Subject.list("id in ?1", subjectIds);
        Map<UUID, Optional<byte[]>> read = keysRead();
        List<UUID> needed = subjects.stream()
                .filter(subject -> subject.keyDestroyedAt == null && !read.containsKey(subject.id))
                .filter(subject -> subject.identityCiphertext != null || withCiphertexts.contains(subject.id))
                .map(subject -> subject.id).toList();
        if (!needed.isEmpty()) {
            Map<UUID, byte[]> found = keyStore.findAll(needed);
            needed.forEach(id -> read.put(id, Optional.ofNullable(found.get(id))));
        }
    }

    /**
     * The wrapped keys this transaction read, by subject (wrapped, so nothing readable; gone with the transaction); null
     * outside a transaction.
     */
    @SuppressWarnings("unchecked")
    private Map<UUID, Optional<byte[]>> keysRead() {
        if (transaction.getTransactionKey() == null) {
            return null;
        }
        Map<UUID, Optional<byte[]>> read = (Map<UUID, Optional<byte[]>>) transaction.getResource(KEYS_READ);
        if (read == null) {
            read = new HashMap<>();
            transaction.putResource(KEYS_READ, read);
        }
        return read;
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
                throw new AccessDeniedException(MESSAGES.text("identity.parties-only"));
            }
            throw ResourceNotFoundException.of(MESSAGES.text("noun.referral"), referralId);
        }
        if (side.get() == Side.RECEIVER && !consentCoversReceiver(referral, Consent.Shared.IDENTITY)) {
            audit.record(referralId, AuditAction.IDENTITY_READ, Outcome.REFUSED);
            throw new AccessDeniedException(MESSAGES.text("identity.consent-not-shared", referralId));
        }
        if (!access.mayReadPersonalData(referral, side.get())) {
            audit.record(referralId, AuditAction.IDENTITY_READ, Outcome.REFUSED);
            throw new AccessDeniedException(MESSAGES.text("identity.read-window", referralId))
                    .with("currentState", referral.status.name());
        }
        Subject subject = Subject.findById(referral.subjectId);
        // No key in the key store (consent withdrawn, possibly before the referral database was restored
        // from a backup) reads exactly like a withdrawn consent.
        Optional<byte[]> key = dataKey(subject);
        if (key.isEmpty() || subject.identityCiphertext == null) {
            audit.record(referralId, AuditAction.IDENTITY_READ, Outcome.UNAVAILABLE);
            throw new ResourceNotFoundException(key.isEmpty()
                    ? MESSAGES.text("identity.erased", referralId)
                    : MESSAGES.text("identity.none", referralId));
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
        keysRead().put(subject.id, Optional.empty());
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
