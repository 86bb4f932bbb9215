package org.crisiscoordination.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images the build made (profile {@code images}), read from their OCI archives: what a
 * container runtime will run, as whom, on which port, with which memory, and that the runtime it
 * needs is inside.
 */
class ImagesTest {

    private static final Map<String, OciImage> IMAGES = new ConcurrentHashMap<>();

    @BeforeAll
    static void imagesWereBuilt() {
        Assumptions.assumeTrue(Boolean.parseBoolean(System.getProperty("packaging.images", "true")),
                "built with -DskipImages");
    }

    static OciImage image(ServiceConfig service) {
        return IMAGES.computeIfAbsent(service.name(), name -> {
            assertThat(service.imageTar()).as("the image archive; build with the profile images (the default)").exists();
            try {
                return new OciImage(service.imageTar());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void isNamedAsTheDeploymentsNameIt(String name) {
        ServiceConfig service = ServiceConfig.named(name);
        assertThat(image(service).name).isEqualTo(service.image());
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void runsAsANonRootUserThatTheImageNames(String name) {
        OciImage image = image(ServiceConfig.named(name));
        String user = image.config.path("User").asText();
        assertThat(user).matches("[1-9][0-9]*:[1-9][0-9]*"); // numeric, so that runAsNonRoot can check it
        assertThat(image.texts.get("etc/passwd")).contains(":" + user + ":");
        assertThat(image.files).containsEntry("tmp", 0777);
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void exposesTheServicesPortAndStartsItsApplicationWithAHeapFromTheContainersLimit(String name) {
        ServiceConfig service = ServiceConfig.named(name);
        OciImage image = image(service);
        List<String> entrypoint = texts(image.config.path("Entrypoint"));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint.get(entrypoint.size() - 1)).endsWith("ServiceApplication");
        assertThat(image.config.path("ExposedPorts").fieldNames()).toIterable().containsExactly(service.port() + "/tcp");
        assertThat(texts(image.config.path("Env"))).contains("PATH=/opt/java/bin:/usr/bin:/bin",
                "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void carriesTheJavaRuntimeItsLibrariesAndTheApplication(String name) throws IOException {
        OciImage image = image(ServiceConfig.named(name));
        assertThat(image.files).containsEntry("opt/java/bin/java", 0755)
                .containsEntry("lib64/ld-linux-x86-64.so.2", 0755)
                .containsKeys("opt/java/lib/server/libjvm.so", "opt/java/lib/security/cacerts",
                        "lib/x86_64-linux-gnu/libc.so.6", "lib/x86_64-linux-gnu/libz.so.1");
        String classpath = image.texts.get("app/jib-classpath-file");
        for (String entry : classpath.trim().split(":")) {
            assertThat(image.files).as("on the classpath").containsKey(entry.substring(1));
        }
        assertThat(classpath).contains("/app/libs/spring-boot-");
        assertThat(image.files.keySet()).as("nothing but the runtime, the application and their files")
                .allSatisfy(path -> assertThat(path.split("/")[0]).isIn("app", "etc", "lib", "lib64", "opt", "tmp"));
        assertThat(Files.size(ServiceConfig.named(name).imageTar())).isLessThan(200L * 1024 * 1024);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
