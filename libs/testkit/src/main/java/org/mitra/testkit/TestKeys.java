package org.mitra.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs test tokens, made once per JVM and kept in system properties so that
 * every Quarkus class loader sees the same pair. Nothing is written to disk or committed.
 */
public final class TestKeys {
    private static final String PUBLIC = "mitra.testkit.jwt.public-key";
    private static final String PRIVATE = "mitra.testkit.jwt.private-key";

    private TestKeys() {
    }

    /** Base64 SubjectPublicKeyInfo, the form {@code quarkus.oidc.public-key} takes. */
    public static String publicKeyBase64() {
        ensureGenerated();
        return System.getProperty(PUBLIC);
    }

    public static PublicKey publicKey() {
        try {
            byte[] der = Base64.getDecoder().decode(publicKeyBase64());
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey privateKey() {
        ensureGenerated();
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(PRIVATE));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key pair the services do not trust, for forged-token tests. */
    public static KeyPair untrustedKeyPair() {
        return generate();
    }

    private static void ensureGenerated() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PUBLIC) == null) {
                KeyPair pair = generate();
                System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            }
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
