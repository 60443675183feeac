package org.mitra.deploy.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What no layer of an image may hold: key and certificate stores, private keys, environment files, realm exports,
 * a Tink keyset, a webhook secret, a local installation's runtime folder, and in Mitra's own configuration any
 * secret written out instead of taken from the environment. Every file is looked at, and inside every jar every
 * entry that is not a class.
 */
final class SecretScan {
    record Finding(String where, String what) {
        @Override
        public String toString() {
            return where + ": " + what;
        }
    }

    private static final Pattern SECRET_FILE = Pattern.compile(
            "(?i)(^|/)(\\.env(\\..*)?|id_rsa|id_ecdsa|id_ed25519|[^/]*\\.(jks|jceks|p12|pfx|keystore|pem|key)|[^/]*realm[^/]*\\.json)$");
    private static final Pattern RUNTIME_FOLDER = Pattern.compile("(^|/)(\\.runtime|secrets)/");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern TINK_KEYSET = Pattern.compile("\"keyData\"\\s*:\\s*\\{[^}]*\"value\"\\s*:\\s*\"[A-Za-z0-9+/=]{16,}");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{16,}");
    private static final Pattern SECRET_PROPERTY = Pattern.compile("(?i)(password|secret|keyset|token|credential|[.-]key)$");
    private static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");
    /** A developer's own database under {@code quarkus dev}: documented, and nothing of any installation. */
    private static final Pattern DEV_DATABASE_PASSWORD = Pattern.compile("quarkus\\.datasource(\\.[a-z-]+)?\\.password");

    private SecretScan() {
    }

    static List<Finding> scan(ImageTarball image) {
        List<Finding> findings = new ArrayList<>();
        image.layers().forEach((layer, files) -> files.forEach((path, bytes) -> {
            String where = layer.substring(0, Math.min(12, layer.length())) + ":/" + path;
            file(where, path, bytes, findings);
            if (path.endsWith(".jar")) {
                jar(where, path, bytes, findings);
            }
        }));
        return findings;
    }

    private static void jar(String where, String path, byte[] bytes, List<Finding> findings) {
        boolean mitras = path.contains("/app/") || path.contains("/lib/main/org.mitra.");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || entry.getName().endsWith(".class")) {
                    continue;
                }
                byte[] content = zip.readAllBytes();
                file(where + "!/" + entry.getName(), entry.getName(), content, findings);
                if (mitras && entry.getName().endsWith("application.properties")) {
                    properties(where + "!/" + entry.getName(), content, findings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the jar " + where, e);
        }
    }

    private static void file(String where, String path, byte[] bytes, List<Finding> findings) {
        if (SECRET_FILE.matcher(path).find()) {
            findings.add(new Finding(where, "a file of a kind that holds keys or secrets"));
        }
        if (RUNTIME_FOLDER.matcher(path).find()) {
            findings.add(new Finding(where, "a file of a runtime or secrets folder"));
        }
        if (path.endsWith(".class")) {
            return;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (Pattern pattern : List.of(PRIVATE_KEY, TINK_KEYSET, WEBHOOK_SECRET)) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                findings.add(new Finding(where, "holds " + (pattern == PRIVATE_KEY ? "a private key"
                        : pattern == TINK_KEYSET ? "a Tink keyset" : "a webhook secret")));
            }
        }
    }

    /** Mitra's own configuration: a secret's value comes from the environment ({@code ${VAR}}, no default). */
    static void properties(String where, byte[] content, List<Finding> findings) {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<Object, Object> property : properties.entrySet()) {
            String key = property.getKey().toString();
            String value = property.getValue().toString().trim();
            String profile = key.startsWith("%") ? key.substring(1, key.indexOf('.')) : "";
            String name = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (!SECRET_PROPERTY.matcher(name).find() || value.isEmpty() || FROM_ENVIRONMENT.matcher(value).matches()) {
                continue;
            }
            if (profile.equals("dev") && DEV_DATABASE_PASSWORD.matcher(name).matches()) {
                continue;
            }
            findings.add(new Finding(where, key + " is written out, not taken from the environment"));
        }
    }
}
