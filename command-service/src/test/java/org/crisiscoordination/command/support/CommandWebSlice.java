package org.crisiscoordination.command.support;

import org.crisiscoordination.command.access.AccessConfiguration;
import org.crisiscoordination.command.checkpoint.CheckpointSigner;
import org.crisiscoordination.command.write.CommandWriter;
import org.crisiscoordination.edge.ServiceEdge;
import org.crisiscoordination.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The command service's web layer alone, for tests of what HTTP decides before a write is tried:
 * its controllers and MVC configuration with the shared edge's filters, advice and security chain
 * (imported as the application imports them, with the service's rights table), called through MockMvc, with no PostgreSQL and no Axon. The write path
 * behind the controllers is a mock that no request of such a test may reach.
 */
@WebMvcTest(properties = "crisis.query-service-url=http://query.test:8081")
@Import({ServiceEdge.class, AccessConfiguration.class})
public abstract class CommandWebSlice {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandWriter writer;

    /** Behind the checkpoint endpoint; no request of a slice test signs. */
    @MockitoBean
    private CheckpointSigner signer;

    protected SliceApi api;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
    }

    @BeforeEach
    void connectApi() {
        api = new SliceApi(mvc);
    }

    @AfterEach
    void noWriteWasTried() {
        verifyNoInteractions(writer, signer);
    }
}
