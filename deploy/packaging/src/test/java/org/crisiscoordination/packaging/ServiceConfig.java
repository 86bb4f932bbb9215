package org.crisiscoordination.packaging;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own configuration (its application.yml) says a deployment must match: its port,
 * its probe paths, the {@code CRISIS_…} variables it reads, and the image the build makes of it.
 */
record ServiceConfig(String name, int port, String liveness, String readiness, Set<String> variables) {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(CRISIS_[A-Z_]+)(?::([^}]*))?}");
    static final ServiceConfig COMMAND = read("command-service");
    static final ServiceConfig QUERY = read("query-service");
    static final String VERSION = "0.1.0-SNAPSHOT";


    static ServiceConfig named(String name) {
        return switch (name) {
            case "command-service" -> COMMAND;
            case "query-service" -> QUERY;
            default -> throw new IllegalArgumentException("no service " + name);
        };
    }

    /** The image the Maven build makes, as the manifests and the Compose file must name it. */
    String image() {
        return "crisis-coordination/" + name + ":" + VERSION;
    }

    Path imageTar() {
        return ROOT.resolve(name).resolve("target/image").resolve(name + ".tar");
    }

    @SuppressWarnings("unchecked")
    private static ServiceConfig read(String name) {
        Path file = ROOT.resolve(name).resolve("src/main/resources/application.yml");
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> yaml = new Yaml().load(text);
        Matcher port = VARIABLE.matcher(String.valueOf(at(yaml, "server", "port")));
        if (!port.matches()) {
            throw new IllegalStateException(name + ": server.port is not a ${CRISIS_…:default}");
        }
        Map<String, Object> health = (Map<String, Object>) at(yaml, "management", "endpoint", "health");
        if (!Boolean.TRUE.equals(at(health, "probes", "enabled"))) {
            throw new IllegalStateException(name + ": the health probe groups are not enabled");
        }
        Map<String, Object> groups = (Map<String, Object>) health.get("group");
        if (!groups.containsKey("liveness") || !groups.containsKey("readiness")) {
            throw new IllegalStateException(name + ": no liveness and readiness groups");
        }
        Set<String> variables = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return new ServiceConfig(name, Integer.parseInt(port.group(2)), "/actuator/health/liveness",
                "/actuator/health/readiness", variables);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> map, String... keys) {
        Object value = map;
        for (String key : keys) {
            value = value instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(key) : null;
        }
        return value;
    }
}
