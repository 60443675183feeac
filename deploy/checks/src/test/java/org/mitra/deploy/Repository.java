package org.mitra.deploy;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.mitra.testkit.NpmPackage;

/**
 * Where things are: the repository (two folders above this module), its deploy/ files, and ../shared/k8s-schemas; and
 * the project's version. Public for the checks of the images (package images).
 */
public final class Repository {
    private Repository() {
    }

    static final Path ROOT = locateRoot();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path REALM_FILE = ROOT.resolve("deploy/keycloak/mitra-realm.json");
    /** This module's build folder, where kubectl is installed and renders are kept. */
    static final Path TARGET = ROOT.resolve("deploy/checks/target");

    private static Path locateRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("deploy/kubernetes"))) {
                return p;
            }
        }
        throw new IllegalStateException("No repository with deploy/kubernetes above " + dir);
    }

    static final String CI_PREFIX = NpmPackage.CI_PREFIX;
    static final String SKIP_SUFFIX = NpmPackage.SKIP_SUFFIX;

    /** Skips the calling test with the reason, or fails it when running in CI (one rule with testkit's NpmPackage). */
    static RuntimeException unavailable(String reason) {
        return NpmPackage.unavailable(reason);
    }

    /** The one folder of ../shared/ the build reads: JSON schemas of Kubernetes and of the operators' resources. */
    static Path schemas() {
        Path dir = ROOT.getParent().resolve("shared/k8s-schemas").normalize();
        if (!Files.isDirectory(dir.resolve("kubernetes-v1.36.0-strict")) || !Files.isDirectory(dir.resolve("crds"))) {
            throw unavailable("The JSON schemas are not at " + dir + " (kubernetes-v1.36.0-strict/ and crds/, see its README)");
        }
        return dir;
    }

    /** The overlays, each a folder of deploy/kubernetes/overlays with a kustomization.yaml. */
    static Stream<String> overlays() {
        try (Stream<Path> dirs = Files.list(KUBERNETES.resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's version, from the root pom: the images' tag and the one the overlays pull. */
    public static String projectVersion() {
        Matcher version = Pattern.compile("<artifactId>mitra-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read(ROOT.resolve("pom.xml")));
        if (!version.find()) {
            throw new IllegalStateException("The root pom names no version of mitra-parent");
        }
        return version.group(1);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
