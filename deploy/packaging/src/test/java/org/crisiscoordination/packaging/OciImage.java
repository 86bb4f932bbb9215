package org.crisiscoordination.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An OCI image archive as Jib's {@code buildTar} writes it (an OCI layout in a tar): its name, its
 * configuration, and every file of its layers with its mode. Read with a small tar reader, since
 * the JDK has none.
 */
final class OciImage {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final JsonNode config;
    /** Path in the image (without the leading slash) to its octal mode, the last layer winning. */
    final Map<String, Integer> files = new LinkedHashMap<>();
    /** The few small files a test reads, by path in the image. */
    final Map<String, String> texts = new HashMap<>();

    OciImage(Path tar) throws IOException {
        Map<String, byte[]> blobs = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            Tar.read(in, (entry, content) -> blobs.put(entry.name(), content.readAllBytes()));
        }
        JsonNode index = JSON.readTree(blobs.get("index.json"));
        JsonNode descriptor = index.path("manifests").get(0);
        name = descriptor.path("annotations").path("org.opencontainers.image.ref.name").asText();
        JsonNode manifest = JSON.readTree(blob(blobs, descriptor.path("digest").asText()));
        config = JSON.readTree(blob(blobs, manifest.path("config").path("digest").asText())).path("config");
        for (JsonNode layer : manifest.path("layers")) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(
                    blob(blobs, layer.path("digest").asText())))) {
                Tar.read(in, (entry, content) -> {
                    String path = entry.name().replaceFirst("^\\./", "").replaceFirst("/$", "");
                    files.put(path, entry.mode());
                    if (path.equals("etc/passwd") || path.equals("app/jib-classpath-file")) {
                        texts.put(path, new String(content.readAllBytes()));
                    }
                });
            }
        }
    }

    private static byte[] blob(Map<String, byte[]> blobs, String digest) {
        byte[] blob = blobs.get("blobs/" + digest.replace(':', '/'));
        if (blob == null) {
            throw new IllegalStateException("no blob " + digest);
        }
        return blob;
    }
}
