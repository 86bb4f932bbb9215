package org.crisiscoordination.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryServiceRoleTest {

    @Test
    void theQueryServicesUrlNamesNoOtherLogin() {
        assertThat(QueryServiceRole.withoutUser("jdbc:postgresql://localhost:46071/crisis?user=postgres"))
                .isEqualTo("jdbc:postgresql://localhost:46071/crisis");
        assertThat(QueryServiceRole.withoutUser("jdbc:postgresql://h:1/crisis?user=postgres&password=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:1/crisis?ssl=true");
        assertThat(QueryServiceRole.withoutUser("jdbc:postgresql://h:1/crisis?ssl=true&user=postgres"))
                .isEqualTo("jdbc:postgresql://h:1/crisis?ssl=true");
        assertThat(QueryServiceRole.withoutUser("jdbc:postgresql://h:1/crisis")).isEqualTo("jdbc:postgresql://h:1/crisis");
    }
}
