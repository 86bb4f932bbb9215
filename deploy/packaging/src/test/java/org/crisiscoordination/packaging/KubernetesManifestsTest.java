package org.crisiscoordination.packaging;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document of deploy/kubernetes, read into the Kubernetes API's model (fabric8's), no
 * cluster needed: the kinds a deployment needs, their required fields, and that what they name
 * exists — in each other, in the services' configuration and in the images.
 */
class KubernetesManifestsTest {

    static final Path DIRECTORY = ServiceConfig.ROOT.resolve("deploy/kubernetes");
    static final List<HasMetadata> RESOURCES = read();

    @Test
    void holdsEveryKindADeploymentNeedsEachNamedAndLabelled() {
        assertThat(RESOURCES).allSatisfy(resource -> {
            assertThat(resource.getApiVersion()).isNotBlank();
            assertThat(resource.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            assertThat(resource.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "crisis-coordination");
        });
        assertThat(names(Deployment.class)).containsExactlyInAnyOrder("command-service", "checkpoint-signer", "query-service");
        assertThat(names(Service.class)).containsExactlyInAnyOrder("command-service", "checkpoint-signer", "query-service");
        assertThat(names(PodDisruptionBudget.class)).containsExactlyInAnyOrder("command-service", "query-service");
        assertThat(names(HorizontalPodAutoscaler.class)).containsExactly("command-service");
        assertThat(names(Secret.class)).contains("crisis-database", "crisis-token-public-key", "crisis-checkpoint-key");
        assertThat(names(Ingress.class)).hasSize(1);
    }

    @Test
    void everyContainerRunsTheBuiltImageOnItsPortWithProbesOnTheServicesProbeGroups() {
        for (Deployment deployment : all(Deployment.class)) {
            Container container = container(deployment);
            ServiceConfig service = serviceOf(deployment);
            assertThat(container.getImage()).isEqualTo(service.image());
            assertThat(container.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(service.port());
            });
            assertProbe(container.getStartupProbe(), service.liveness());
            assertProbe(container.getLivenessProbe(), service.liveness());
            assertProbe(container.getReadinessProbe(), service.readiness());
            assertThat(deployment.getSpec().getSelector().getMatchLabels().entrySet())
                    .isSubsetOf(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet());
        }
    }

    @Test
    void everyContainerHasResourcesRunsAsTheImagesNonRootUserAndStopsGracefully() {
        for (Deployment deployment : all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = container(deployment);
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser() + ":" + pod.getSecurityContext().getRunAsGroup())
                    .isEqualTo("10001:10001");
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
            assertThat(env(container, "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")).isEqualTo("30s");
            assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(preStop + 30);
        }
    }

    @Test
    void everyVariableSetIsOneTheServiceReadsAndEveryReferenceExists() {
        ConfigMap config = one(ConfigMap.class, "crisis-config");
        for (Deployment deployment : all(Deployment.class)) {
            Container container = container(deployment);
            ServiceConfig service = serviceOf(deployment);
            List<String> crisisVariables = container.getEnv().stream().map(EnvVar::getName)
                    .filter(name -> name.startsWith("CRISIS_")).toList();
            assertThat(service.variables()).as(deployment.getMetadata().getName()).containsAll(crisisVariables);
            assertThat(crisisVariables).contains("CRISIS_DATABASE_USER", "CRISIS_DATABASE_PASSWORD");
            container.getEnvFrom().forEach(source -> assertThat(source.getConfigMapRef().getName()).isEqualTo("crisis-config"));
            container.getEnv().stream().filter(variable -> variable.getValueFrom() != null).forEach(variable -> {
                var reference = variable.getValueFrom().getSecretKeyRef();
                assertThat(one(Secret.class, reference.getName()).getStringData()).containsKey(reference.getKey());
            });
            deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(volume -> volume.getSecret() != null)
                    .forEach(volume -> one(Secret.class, volume.getSecret().getSecretName()));
        }
        List<String> readByEither = new ArrayList<>(ServiceConfig.COMMAND.variables());
        readByEither.addAll(ServiceConfig.QUERY.variables());
        config.getData().keySet().stream().filter(name -> name.startsWith("CRISIS_"))
                .forEach(name -> assertThat(readByEither).contains(name));
    }

    @Test
    void onlyOneInstanceSignsCheckpointsAndOnlyItHasTheKey() {
        List<Deployment> signers = all(Deployment.class).stream()
                .filter(deployment -> "true".equals(env(container(deployment), "CRISIS_CHECKPOINT_SIGNER"))).toList();
        assertThat(signers).singleElement().satisfies(signer -> {
            assertThat(signer.getSpec().getReplicas()).isOne();
            assertThat(signer.getSpec().getStrategy().getType()).isEqualTo("Recreate");
            assertThat(env(container(signer), "CRISIS_CHECKPOINT_KEY_FILE")).startsWith("/etc/crisis/checkpoint/");
        });
        for (Deployment deployment : all(Deployment.class)) {
            boolean mountsTheKey = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .anyMatch(volume -> volume.getSecret() != null
                            && volume.getSecret().getSecretName().equals("crisis-checkpoint-key"));
            assertThat(mountsTheKey).as(deployment.getMetadata().getName()).isEqualTo(signers.contains(deployment));
            if (serviceOf(deployment) == ServiceConfig.COMMAND && !signers.contains(deployment)) {
                assertThat(env(container(deployment), "CRISIS_CHECKPOINT_SIGNER")).isEqualTo("false");
            }
        }
    }

    @Test
    void servicesBudgetsTheAutoscalerAndTheIngressReachWhatExists() {
        for (Service service : all(Service.class)) {
            assertThat(all(Deployment.class)).as(service.getMetadata().getName()).anySatisfy(deployment ->
                    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet())
                            .containsAll(service.getSpec().getSelector().entrySet()));
            assertThat(service.getSpec().getPorts()).allSatisfy(port ->
                    assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        }
        for (PodDisruptionBudget budget : all(PodDisruptionBudget.class)) {
            assertThat(all(Deployment.class)).anySatisfy(deployment ->
                    assertThat(deployment.getSpec().getSelector().getMatchLabels())
                            .isEqualTo(budget.getSpec().getSelector().getMatchLabels()));
        }
        HorizontalPodAutoscaler autoscaler = all(HorizontalPodAutoscaler.class).get(0);
        one(Deployment.class, autoscaler.getSpec().getScaleTargetRef().getName());
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);

        List<IngressBackend> backends = all(Ingress.class).get(0).getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).map(path -> path.getBackend()).toList();
        assertThat(backends).allSatisfy(backend -> {
            Service service = one(Service.class, backend.getService().getName());
            assertThat(service.getSpec().getPorts()).anySatisfy(port ->
                    assertThat(port.getName()).isEqualTo(backend.getService().getPort().getName()));
        });
        assertThat(all(Ingress.class).get(0).getSpec().getRules().get(0).getHttp().getPaths().get(0))
                .satisfies(path -> {
                    assertThat(path.getPath()).isEqualTo("/api/audit/checkpoints");
                    assertThat(path.getBackend().getService().getName()).isEqualTo("checkpoint-signer");
                });
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as("probe on " + path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).isEqualTo(path);
        assertThat(get.getPort().getStrVal()).isEqualTo("http");
    }

    static ServiceConfig serviceOf(Deployment deployment) {
        return ServiceConfig.named(
                deployment.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name"));
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static String env(Container container, String name) {
        return container.getEnv().stream().filter(variable -> variable.getName().equals(name))
                .map(EnvVar::getValue).filter(Objects::nonNull).findFirst().orElse(null);
    }

    static <T extends HasMetadata> List<T> all(Class<T> kind) {
        return RESOURCES.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static <T extends HasMetadata> T one(Class<T> kind, String name) {
        return all(kind).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    private static List<String> names(Class<? extends HasMetadata> kind) {
        return all(kind).stream().map(resource -> resource.getMetadata().getName()).toList();
    }

    /** Each document by itself, so that one the model does not know fails here, not silently. */
    private static List<HasMetadata> read() {
        List<HasMetadata> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document == null) {
                        continue;
                    }
                    Object resource = Serialization.unmarshal(Serialization.asJson(document));
                    assertThat(resource).as(file + ": " + ((Map<?, ?>) document).get("kind")).isInstanceOf(HasMetadata.class);
                    resources.add((HasMetadata) resource);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return resources;
    }
}
