package org.mitra.awareness.pledge;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The keyed hash of pledgers' emails, which counts an email once per campaign without keeping it. */
@ApplicationScoped
public class PledgeSecrets {
    @Inject
    PledgeConfig config;

    private SecretKeySpec emailKey;

    @PostConstruct
    void init() {
        emailKey = new SecretKeySpec(config.emailHashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Keyed hash of the normalised email: the same address (any case, spacing) gives the same value. */
    public String hashEmail(String email) {
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(emailKey);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot hash an email", e);
        }
    }
}
