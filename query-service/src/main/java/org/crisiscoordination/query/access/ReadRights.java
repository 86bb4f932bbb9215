package org.crisiscoordination.query.access;

import org.crisiscoordination.edge.security.AccessTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.crisiscoordination.edge.security.AccessTable.anyCaller;
import static org.crisiscoordination.edge.security.AccessTable.open;
import static org.crisiscoordination.edge.security.AccessTable.role;
import static org.crisiscoordination.edge.security.Role.AUDITOR;
import static org.crisiscoordination.edge.security.Role.OPERATOR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may read what: the query service's rights, all in this one table, which the shared security
 * chain asks of every request, the operator's writes to read models and their queues (replay,
 * retry, evict) included. The first matching row decides, so the audit's open paths come before its
 * auditor-only rest. No right depends on a party. docs/api.md lists the same table.
 */
@Configuration(proxyBeanMethods = false)
public class ReadRights {

    public static final AccessTable TABLE = AccessTable.of(AccessTable.serviceEndpoints(), List.of(
            // method and path                                  right                     held by
            anyCaller(GET, "/api/crises",                       "read-board"),
            anyCaller(GET, "/api/crises/{crisisId}",            "read-crisis"),
            anyCaller(GET, "/api/channels/{channelId}",         "read-channel"),
            anyCaller(GET, "/api/metrics/coordination",         "read-metrics"),
            anyCaller(GET, "/api/hotspots",                     "read-hotspots"),
            role(GET, "/api/crises/{crisisId}/timeline",        "read-timeline",          AUDITOR),
            role(GET, "/api/channels/{channelId}/timeline",     "read-timeline",          AUDITOR),
            role(GET, "/api/crises/{crisisId}/export",          "export-crisis",          AUDITOR),
            // what an outside party needs to check the log against: public, like a transparency log's
            open(GET, "/api/audit/keys"),
            open(GET, "/api/audit/checkpoints"),
            role(GET, "/api/audit",                             "read-audit-log",         AUDITOR),
            role(GET, "/api/audit/verify",                      "verify-audit-log",       AUDITOR),
            role(GET, "/api/audit/proofs/**",                   "read-audit-proofs",      AUDITOR),
            role(GET, "/api/projections",                       "read-projections",       OPERATOR),
            role(POST, "/api/projections/{name}/replay",        "replay-projection",      OPERATOR),
            role(GET, "/api/projections/{name}/dead-letters",   "read-dead-letters",      OPERATOR),
            role(POST, "/api/projections/{name}/dead-letters/retry", "retry-dead-letters", OPERATOR),
            role(POST, "/api/projections/{name}/dead-letters/{sequence}/retry", "retry-dead-letters", OPERATOR),
            role(DELETE, "/api/projections/{name}/dead-letters/{sequence}", "evict-dead-letters", OPERATOR)));

    @Bean
    AccessTable accessTable() {
        return TABLE;
    }
}
