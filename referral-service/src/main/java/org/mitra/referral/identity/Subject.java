package org.mitra.referral.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person referred by an organization, pseudonymous to that organization: no name here, only
 * the identity ciphertext. The subject's wrapped data key lives in the key store ({@link KeyStore}),
 * never in this database, so that a backup of this database cannot open the ciphertext.
 */
@Entity
@Table(name = "subject")
public class Subject extends PanacheEntityBase {
    @Id
    public UUID id;

    /** The organization that first referred the subject; only it may refer the same subject again. */
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "identity_ciphertext")
    public byte[] identityCiphertext;

    /** When consent was withdrawn and the data key destroyed (the key store's shred ledger is the authority). */
    @Column(name = "key_destroyed_at")
    public Instant keyDestroyedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Subject subject && id != null && id.equals(subject.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Subject.class);
    }
}
