package org.mitra.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An image as Jib hands it to {@code docker load} (deploy/images/save-image keeps it): a tar holding
 * {@code manifest.json}, the image's configuration and one gzipped tar per layer. Read whole, in memory.
 */
record ImageTarball(JsonNode manifest, JsonNode config, Map<String, Map<String, byte[]>> layers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ImageTarball read(Path file) throws IOException {
        Map<String, byte[]> outer;
        try (InputStream in = Files.newInputStream(file)) {
            outer = Tar.regularFiles(in);
        }
        JsonNode manifest = JSON.readTree(required(outer, "manifest.json", file)).get(0);
        JsonNode config = JSON.readTree(required(outer, manifest.path("Config").asText(), file));
        Map<String, Map<String, byte[]>> layers = new LinkedHashMap<>();
        for (JsonNode layer : manifest.path("Layers")) {
            byte[] gzipped = required(outer, layer.asText(), file);
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                layers.put(layer.asText(), Tar.regularFiles(in));
            }
        }
        return new ImageTarball(manifest, config, layers);
    }

    private static byte[] required(Map<String, byte[]> entries, String name, Path file) throws IOException {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IOException(file + " holds no " + name);
        }
        return bytes;
    }

    /** The file at {@code path} (no leading slash) in the topmost layer that has it. */
    byte[] file(String path) {
        byte[] found = null;
        for (Map<String, byte[]> layer : layers.values()) {
            found = layer.getOrDefault(path, found);
        }
        return found;
    }

    /** The tar format's regular files, with POSIX (pax) and GNU long names; other entries are skipped. */
    static final class Tar {
        private Tar() {
        }

        static Map<String, byte[]> regularFiles(InputStream in) throws IOException {
            Map<String, byte[]> files = new LinkedHashMap<>();
            String longName = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || isZero(header)) {
                    return files;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'L') {
                    longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (type == 'x') {
                    longName = paxPath(body);
                    continue;
                }
                String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                if (type == '0' || type == '\0') {
                    files.put(path.startsWith("/") ? path.substring(1) : path, body);
                }
            }
        }

        private static String paxPath(byte[] body) {
            for (String record : new String(body, StandardCharsets.UTF_8).split("\n")) {
                int space = record.indexOf(' ');
                if (space > 0 && record.startsWith("path=", space + 1)) {
                    return record.substring(space + 1 + "path=".length());
                }
            }
            return null;
        }

        private static String text(byte[] header, int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) {
                end++;
            }
            return new String(header, offset, end - offset, StandardCharsets.UTF_8);
        }

        private static boolean isZero(byte[] block) {
            for (byte b : block) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
