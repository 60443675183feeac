package org.mitra.awareness.activity;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registrant as the campaign's own organizations see them. */
@Schema(name = "Registration")
public record RegistrationView(UUID id, String name, String contact, Registration.Status status, Instant createdAt) {
    static RegistrationView of(Registration registration) {
        return new RegistrationView(registration.id, registration.name, registration.contact, registration.status,
                registration.createdAt);
    }
}
