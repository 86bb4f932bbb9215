package org.crisiscoordination.query.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which processor fills the table set a projection serves now: whose dead letters, say, are the served version's. */
@Component
public class ServedSets {

    private final JdbcTemplate jdbc;

    public ServedSets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String processorOf(String projection) {
        String set = jdbc.query("select served_set from read_model.served_read_model where projection = ?",
                rs -> rs.next() ? rs.getString(1) : TableSet.A.name(), projection);
        return TableSet.named(set).processor(projection);
    }
}
