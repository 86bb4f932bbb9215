package org.crisiscoordination.testsupport;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTest {

    @Test
    void givesEachCallerOfFreshADatabaseOfItsOwn() throws Exception {
        TestDatabase.Database first = TestDatabase.fresh();
        TestDatabase.Database second = TestDatabase.fresh();

        assertThat(first.name()).isNotEqualTo(second.name());
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table marker (id int)");
        }
        try (Connection connection = second.connect(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "select count(*) from information_schema.tables where table_name = 'marker'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }

    @Test
    void sharesOneDatabaseWithinAJvm() throws Exception {
        TestDatabase.Database shared = TestDatabase.shared();

        assertThat(TestDatabase.shared()).isEqualTo(shared);
        try (Connection connection = shared.connect(); Statement statement = connection.createStatement();
             ResultSet name = statement.executeQuery("select current_database()")) {
            name.next();
            assertThat(name.getString(1)).isEqualTo(shared.name());
        }
    }
}
