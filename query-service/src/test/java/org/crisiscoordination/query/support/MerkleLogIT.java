package org.crisiscoordination.query.support;

import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.edge.store.MerkleLogSchema;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query service on a store of its own that every test starts empty (events, leaves, keys and
 * checkpoints), for tests of the whole log: what other tests leave behind, tampered streams
 * included, must not be part of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MerkleLogIT {

    private static final TestDatabase.Database DATABASE = EventStoreDatabase.fresh();

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    /** The service's base URL. */
    protected String url;
    protected Api api;
    protected EventAppender store;
    protected LogSigner signer;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EventStoreDatabase.serve(DATABASE, registry);
    }

    @BeforeEach
    void emptyLog() {
        jdbc.update("truncate " + EventStoreSchema.EVENTS + ", " + MerkleLogSchema.LEAVES + ", "
                + MerkleLogSchema.CHECKPOINTS + ", " + MerkleLogSchema.KEYS);
        url = "http://localhost:" + port;
        api = new Api(url);
        store = new EventAppender(jdbc);
        signer = new LogSigner(jdbc);
    }
}
