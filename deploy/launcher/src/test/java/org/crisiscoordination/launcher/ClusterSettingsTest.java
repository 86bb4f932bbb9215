package org.crisiscoordination.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSettingsTest {

    @Test
    void twoCommandServicesAndTwoQueryServicesByDefaultOnPortsAboveTheFirst() {
        Cluster.Options options = Cluster.Options.parse(List.of());

        assertThat(options.commands()).isEqualTo(2);
        assertThat(options.queries()).isEqualTo(2);
        assertThat(options.commandPort(1)).isEqualTo(18081);
        assertThat(options.queryPort(0)).isEqualTo(18180);
    }

    @Test
    void takesTheCountsAndTheFirstPortFromItsFlags() {
        Cluster.Options options = Cluster.Options.parse(List.of("--commands", "3", "--queries", "1", "--first-port", "20000"));

        assertThat(options).isEqualTo(new Cluster.Options(3, 1, 20000));
    }

    @Test
    void refusesAnUnknownFlagAndACountOutOfRange() {
        assertThatThrownBy(() -> Cluster.Options.parse(List.of("--nodes", "2"))).hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> Cluster.Options.parse(List.of("--commands", "0"))).hasMessageContaining("from 1 to");
        assertThatThrownBy(() -> Cluster.Options.parse(List.of("--queries"))).hasMessageContaining("needs a value");
    }

    @Test
    void haproxyProbesEveryInstancesReadinessAndAcceptsItsConfiguration(@TempDir Path dir) throws Exception {
        String configuration = Haproxy.configuration(List.of(new Haproxy.Front("command-service", 8080, List.of(18080, 18081)),
                new Haproxy.Front("query-service", 8081, List.of(18180))));

        assertThat(configuration).contains("bind :8080", "bind :8081",
                "server command-service-1 127.0.0.1:18080 check", "server command-service-2 127.0.0.1:18081 check",
                "server query-service-1 127.0.0.1:18180 check", "option httpchk GET /actuator/health/readiness");
        Path file = Files.writeString(dir.resolve("haproxy.cfg"), configuration);
        Process check = new ProcessBuilder(Path.of("/usr/sbin/haproxy").toFile().canExecute() ? "/usr/sbin/haproxy" : "haproxy",
                "-c", "-f", file.toString()).redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as(said).isZero();
    }
}
