package org.crisiscoordination.cluster;

import org.crisiscoordination.testsupport.ReadModels;
import org.crisiscoordination.testsupport.ReadmeWalkthrough;
import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code deploy/cluster} with two command services and two query services as real processes
 * behind HAProxy, against one PostgreSQL: writes race over both command services (at their own
 * ports and through the proxy), idempotency keys and deadlines hold across them, the projections'
 * segments are split over the query services and taken over when one is killed with
 * {@code kill -9}, consistency tokens from either command service are honoured by either query
 * service, the README's walk-through runs through the proxy unchanged, and once stopped, every
 * read model equals a fresh replay of the store, row by row. Every figure is counted
 * in the event store or in the processors' tokens, so the test fails when a command is lost,
 * stored twice or a deadline fires twice. {@code -Dcluster.long=true} runs the long form.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final boolean LONG = Boolean.parseBoolean(System.getProperty("crisis.cluster.long", "false"));
    private static final int WRITERS = LONG ? 16 : 6;
    private static final int COMMANDS_PER_WRITER = LONG ? 60 : 12;
    private static final int CRISES = LONG ? 8 : 3;
    private static final int KEYS = LONG ? 100 : 12;
    private static final int CHANNELS = LONG ? 10 : 3;
    private static final List<String> PARTICIPANTS = List.of("CN", "US", "ASEAN");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    @TempDir
    static Path dataDir;
    private static TestDatabase.Database database;
    private static Store store;
    private static RunningCluster cluster;
    private static String duty;
    private static String operator;
    private static final List<String> crises = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        database = TestDatabase.fresh();
        store = new Store(database);
        cluster = RunningCluster.start(dataDir, database, 2, 2);
        assertThat(cluster.commandInstances()).hasSize(2);
        assertThat(cluster.queryInstances()).hasSize(2);
        duty = cluster.token("--role", "SECRETARIAT", "--subject", "duty-officer");
        operator = cluster.token("--role", "OPERATOR", "--subject", "operator");
        for (int i = 0; i < CRISES; i++) {
            crises.add(raise(cluster.commandFront(), 2));
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null && cluster.alive()) {
            cluster.close();
        }
        System.out.println("Cluster figures (" + (LONG ? "long" : "short") + " form):");
        FIGURES.forEach((name, value) -> System.out.println("  " + name + ": " + value));
    }

    @Test
    @Order(1)
    void racingWritesOverBothCommandServicesLandOnceOrAreRefusedWith409() throws Exception {
        List<String> targets = targets();
        Map<String, Integer> statusOf = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> acceptedBy = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                start.await();
                for (int i = 0; i < COMMANDS_PER_WRITER; i++) {
                    String crisis = crises.get((writer + i) % CRISES);
                    String target = targets.get((writer + i) % targets.size());
                    String correlation = RUN + "-race-" + writer + "-" + i;
                    Http.Answer answer = i % 3 == 0
                            // escalations to one of three severities: each wins once per crisis at most
                            ? Http.post(target + "/api/crises/" + crisis + "/escalations", duty,
                            "{\"severity\": " + (3 + (i / 3) % 3) + ", \"reason\": \"race " + correlation + "\"}",
                            "X-Correlation-Id", correlation)
                            : Http.post(target + "/api/crises/" + crisis + "/minilateral-involvements", duty,
                            "{\"bloc\": \"QUAD\", \"description\": \"race " + correlation + "\"}",
                            "X-Correlation-Id", correlation);
                    statusOf.put(correlation, answer.status());
                    if (answer.ok()) {
                        acceptedBy.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();

        Map<String, Integer> stored = store.eventsByCorrelationId(RUN + "-race-");
        long accepted = statusOf.values().stream().filter(status -> status / 100 == 2).count();
        long refused = statusOf.values().stream().filter(status -> status == 409).count();
        long other = statusOf.size() - accepted - refused;
        long lost = statusOf.entrySet().stream().filter(e -> e.getValue() / 100 == 2)
                .filter(e -> stored.getOrDefault(e.getKey(), 0) == 0).count();
        long duplicates = stored.values().stream().filter(count -> count > 1).count();
        long refusedButStored = statusOf.entrySet().stream().filter(e -> e.getValue() == 409)
                .filter(e -> stored.containsKey(e.getKey())).count();
        FIGURES.put("racing writes: sent / accepted / refused 409 / other / lost / duplicates / refused but stored",
                statusOf.size() + " / " + accepted + " / " + refused + " / " + other + " / " + lost + " / "
                        + duplicates + " / " + refusedButStored);
        FIGURES.put("racing writes accepted per address", acceptedBy.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", ")));

        assertThat(statusOf).hasSize(WRITERS * COMMANDS_PER_WRITER);
        assertThat(other).as("answers neither 2xx nor 409: %s", statusOf.values().stream()
                .filter(s -> s / 100 != 2 && s != 409).toList()).isZero();
        assertThat(lost).as("accepted commands the store does not hold").isZero();
        assertThat(duplicates).as("commands stored more than once").isZero();
        assertThat(refusedButStored).as("refused commands the store holds").isZero();
        assertThat(stored.values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(accepted);
        assertThat(refused).as("escalations to one severity raced, so some were refused").isPositive();
        for (String target : targets) {
            assertThat(acceptedBy.get(target)).as("writes accepted through " + target).isNotNull();
        }
    }

    @Test
    @Order(2)
    void theSameIdempotencyKeySentToBothCommandServicesAtOnceLandsOnce() throws Exception {
        List<RunningCluster.Instance> commands = cluster.commandInstances();
        ExecutorService senders = Executors.newFixedThreadPool(2);
        Map<String, List<Http.Answer>> answers = new HashMap<>();
        for (int k = 0; k < KEYS; k++) {
            String key = RUN + "-key-" + k;
            String url = "/api/crises/" + crises.get(k % CRISES) + "/minilateral-involvements";
            String body = "{\"bloc\": \"AUKUS\", \"description\": \"once " + key + "\"}";
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Answer>> both = new ArrayList<>();
            for (RunningCluster.Instance command : commands) {
                both.add(senders.submit(() -> {
                    start.await();
                    return Http.post(command.url() + url, duty, body, "Idempotency-Key", key, "X-Correlation-Id", key);
                }));
            }
            start.countDown();
            List<Http.Answer> sent = new ArrayList<>();
            for (Future<Http.Answer> answer : both) {
                sent.add(answer.get());
            }
            // and once more through the proxy, after both answered
            sent.add(Http.post(cluster.commandFront() + url, duty, body, "Idempotency-Key", key, "X-Correlation-Id", key));
            answers.put(key, sent);
        }
        senders.shutdown();

        Map<String, Integer> stored = store.eventsByCorrelationId(RUN + "-key-");
        long replayed = answers.values().stream().flatMap(List::stream)
                .filter(answer -> "true".equals(answer.header("Idempotent-Replayed"))).count();
        long notOk = answers.values().stream().flatMap(List::stream).filter(answer -> !answer.ok()).count();
        long landedOnce = answers.keySet().stream().filter(key -> stored.getOrDefault(key, 0) == 1).count();
        FIGURES.put("idempotency keys: keys / sends / answered 2xx / replayed / stored once / stored twice or more / never",
                KEYS + " / " + 3 * KEYS + " / " + (3 * KEYS - notOk) + " / " + replayed + " / " + landedOnce + " / "
                        + stored.values().stream().filter(count -> count > 1).count() + " / "
                        + answers.keySet().stream().filter(key -> !stored.containsKey(key)).count());

        assertThat(notOk).as("sends of a key not answered 2xx").isZero();
        assertThat(landedOnce).as("keys whose command the store holds exactly once").isEqualTo(KEYS);
        assertThat(replayed).as("every send but the first of each key is the first answer replayed").isEqualTo(2L * KEYS);
        for (List<Http.Answer> sent : answers.values()) {
            assertThat(sent).extracting(answer -> answer.json().get("version").asLong())
                    .as("every send of a key answers the same version").containsOnly(sent.get(0).json().get("version").asLong());
        }
    }

    @Test
    @Order(3)
    void eachAcknowledgementDeadlineFiresOnceAcrossTheCommandServices() {
        List<String> targets = targets();
        List<String> channels = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            String crisis = raise(targets.get(c % targets.size()), 3);
            String channel = UUID.randomUUID().toString();
            Http.Answer convened = Http.post(targets.get((c + 1) % targets.size()) + "/api/channels", duty,
                    "{\"channelId\": \"" + channel + "\", \"crisisId\": \"" + crisis + "\", \"participants\": [\"CN\", \"US\", \"ASEAN\"],"
                            + " \"agenda\": \"Deadline " + c + "\", \"acknowledgeWithin\": \"PT2S\"}");
            assertThat(convened.status()).as(convened.response() == null ? "no answer" : convened.response().body()).isEqualTo(201);
            channels.add(channel);
        }
        Set<String> expected = channels.stream().flatMap(channel -> PARTICIPANTS.stream().map(p -> channel + " " + p))
                .collect(Collectors.toSet());

        long started = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> overdue(channels).keySet().containsAll(expected));
        Duration allFired = Duration.ofNanos(System.nanoTime() - started);
        // both command services poll for due deadlines every second: a second firing would show within a few
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> overdue(channels).values().stream().allMatch(count -> count == 1));

        Map<String, Integer> overdue = overdue(channels);
        FIGURES.put("deadlines (PT2S): due / fired once / fired twice or more / not fired; all fired within",
                expected.size() + " / " + overdue.values().stream().filter(n -> n == 1).count() + " / "
                        + overdue.values().stream().filter(n -> n > 1).count() + " / "
                        + expected.stream().filter(key -> !overdue.containsKey(key)).count() + "; "
                        + allFired.toMillis() + " ms of the convenes");
        assertThat(overdue.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(overdue.values()).allMatch(count -> count == 1);
    }

    @Test
    @Order(4)
    void theProjectionsSegmentsAreSplitOverBothQueryServices() {
        Set<Long> queryPids = cluster.queryInstances().stream().map(RunningCluster.Instance::pid).collect(Collectors.toSet());
        long started = System.nanoTime();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> split(queryPids));
        List<Store.Segment> segments = store.segments();
        FIGURES.put("segments split over the query services", describe(segments) + " (split "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms after this check began)");
        assertThat(segments.stream().map(Store.Segment::projection).distinct().toList())
                .contains("channel-view", "crisis-board", "security-mechanism");
    }

    @Test
    @Order(5)
    void aConsistencyTokenFromEitherCommandServiceIsHonouredByEitherQueryService() {
        String auditor = cluster.token("--role", "AUDITOR", "--subject", "auditor");
        int honoured = 0;
        int reads = 0;
        for (RunningCluster.Instance command : cluster.commandInstances()) {
            for (String crisis : crises) {
                Http.Answer write = Http.post(command.url() + "/api/crises/" + crisis + "/minilateral-involvements", duty,
                        "{\"bloc\": \"US_JP_KR\", \"description\": \"read your write\"}");
                assertThat(write.status()).isEqualTo(200);
                String token = write.json().get("consistencyToken").asText();
                long version = write.json().get("version").asLong();
                for (RunningCluster.Instance query : cluster.queryInstances()) {
                    Http.Answer read = Http.get(query.url() + "/api/crises/" + crisis, auditor, "X-Consistency-Token", token);
                    reads++;
                    if (read.status() == 200 && read.json().get("version").asLong() >= version) {
                        honoured++;
                    }
                }
            }
        }
        FIGURES.put("consistency tokens: reads on either query service / honoured", reads + " / " + honoured);
        assertThat(honoured).isEqualTo(reads).isEqualTo(2 * CRISES * 2);
    }

    @Test
    @Order(6)
    void theReadmeWalkthroughRunsAgainstTheClusterUnchanged() throws Exception {
        Path root = Path.of(System.getProperty("crisis.cluster.script")).toAbsolutePath().normalize().getParent().getParent();
        String output = new ReadmeWalkthrough(root, dataDir).runAgainst(cluster.commandFront(), cluster.queryFront());

        List<String> unmet = ReadmeWalkthrough.unmet(output);
        FIGURES.put("README walk-through through HAProxy: expectations unmet", unmet.size() + " " + unmet);
        assertThat(unmet).as(output).isEmpty();
    }

    @Test
    @Order(7)
    void whenOneQueryServiceIsKilledTheOtherTakesItsSegments() {
        RunningCluster.Instance victim = cluster.queryInstances().get(0);
        RunningCluster.Instance survivor = cluster.queryInstances().get(1);
        assertThat(store.segments()).as("the victim holds segments before the kill")
                .anyMatch(segment -> segment.ownerPid() == victim.pid());
        ProcessHandle process = ProcessHandle.of(victim.pid()).orElseThrow();

        process.destroyForcibly(); // kill -9
        long killed = System.nanoTime();
        process.onExit().join();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.segments().stream().allMatch(segment -> segment.ownerPid() == survivor.pid()));
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);

        // reads through the proxy go on, on the survivor, and include writes made after the kill
        String auditor = cluster.token("--role", "AUDITOR", "--subject", "auditor");
        Http.Answer write = Http.post(cluster.commandFront() + "/api/crises/" + crises.get(0) + "/minilateral-involvements",
                duty, "{\"bloc\": \"QUAD\", \"description\": \"after the kill\"}");
        assertThat(write.status()).isEqualTo(200);
        Http.Answer read = Http.get(cluster.queryFront() + "/api/crises/" + crises.get(0), auditor,
                "X-Consistency-Token", write.json().get("consistencyToken").asText());
        assertThat(read.status()).isEqualTo(200);

        // the launcher restarts the killed instance; the segments are split again
        long restarting = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.restartedPid(victim.name()) > 0);
        Duration restarted = Duration.ofNanos(System.nanoTime() - restarting);
        Set<Long> queryPids = cluster.queryInstances().stream().map(RunningCluster.Instance::pid).collect(Collectors.toSet());
        queryPids.remove(victim.pid());
        queryPids.add(cluster.restartedPid(victim.name()));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> split(queryPids));
        FIGURES.put("kill -9 of " + victim.name() + ": all its segments held by " + survivor.name() + " after",
                takeover.toMillis() + " ms (claim timeout 5 s, claim interval 1 s); restarted and healthy "
                        + restarted.toMillis() + " ms later, segments split again: " + describe(store.segments()));
    }

    @Test
    @Order(8)
    void everyReadModelEndsEqualToAFreshReplay() throws Exception {
        long head = store.head();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.get(cluster.queryFront() + "/api/projections", operator)
                        .json().findValues("lag").stream().allMatch(lag -> lag.asLong() == 0));
        List<ProcessHandle> processes = cluster.descendants();
        cluster.close();
        assertThat(cluster.printed("Stopping")).isTrue();
        assertThat(RunningCluster.anyAlive(processes)).as("HAProxy and every instance stopped").isFalse();
        ReadModels clustered = store.readModels();

        ReadModels replayed;
        try (FreshQueryService fresh = FreshQueryService.start(database, dataDir)) {
            List<String> names = new ArrayList<>();
            Http.get(fresh.url() + "/api/projections", operator).json().get("items")
                    .forEach(projection -> names.add(projection.get("name").asText()));
            assertThat(names).contains("channel-view", "crisis-board", "security-mechanism");
            for (String projection : names) {
                assertThat(Http.post(fresh.url() + "/api/projections/" + projection + "/replay", operator, "").status())
                        .isEqualTo(202);
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
                JsonNode all = Http.get(fresh.url() + "/api/projections", operator).json().get("items");
                List<JsonNode> projections = new ArrayList<>();
                all.forEach(projections::add);
                return projections.size() == names.size() && projections.stream().allMatch(p -> !p.get("replaying").asBoolean()
                        && p.get("lag").asLong() == 0 && p.get("position").asLong() >= head);
            });
            // taken while it runs: it empties the table set it switched away from only once that set is idle
            replayed = store.readModels();
        }
        ReadModels.Difference difference = clustered.against(replayed, "in the cluster", "after a fresh replay");
        FIGURES.put("read models after the cluster vs a fresh replay: rows / tables / differing rows",
                clustered.rows() + " / " + clustered.tables().size() + " / " + difference.rows());
        assertThat(clustered.rows()).isPositive();
        assertThat(difference.rows()).as("rows that differ: %s", difference.examples()).isZero();
    }

    private static boolean split(Set<Long> queryPids) {
        Map<String, List<Store.Segment>> byProjection = store.segments().stream()
                .collect(Collectors.groupingBy(Store.Segment::projection));
        return byProjection.size() >= 3 && byProjection.values().stream().allMatch(segments -> {
            Set<Long> holders = segments.stream().map(Store.Segment::ownerPid).collect(Collectors.toSet());
            return segments.size() >= 2 && holders.equals(queryPids);
        });
    }

    private static String describe(List<Store.Segment> segments) {
        return segments.stream().map(s -> s.projection() + "/" + s.segment() + "=" + s.owner())
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Integer> overdue(List<String> channels) {
        return store.overdueByChannelAndParticipant().entrySet().stream()
                .filter(e -> channels.contains(e.getKey().substring(0, e.getKey().indexOf(' '))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Both command services at their own ports, and the proxy in front of them. */
    private static List<String> targets() {
        List<String> targets = new ArrayList<>(cluster.commandInstances().stream().map(RunningCluster.Instance::url).toList());
        targets.add(cluster.commandFront());
        return targets;
    }

    private static String raise(String target, int severity) {
        String crisis = UUID.randomUUID().toString();
        Http.Answer raised = Http.post(target + "/api/crises", duty, "{\"crisisId\": \"" + crisis + "\","
                + " \"title\": \"Standoff " + crisis + "\", \"hotspot\": \"Second Thomas Shoal\","
                + " \"topic\": \"MARITIME_SECURITY\", \"severity\": " + severity + ", \"involvedStates\": [\"PH\", \"CN\"],"
                + " \"summary\": \"Raised by the cluster suite\"}");
        assertThat(raised.status()).as(raised.response() == null ? "no answer" : raised.response().body()).isEqualTo(201);
        return crisis;
    }
}
