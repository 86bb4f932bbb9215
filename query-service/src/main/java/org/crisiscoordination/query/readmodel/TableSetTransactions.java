package org.crisiscoordination.query.readmodel;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactions of a processor that fills one table set: each one's search path is the set's
 * schema, so the projection's handlers (and its reset handler) write the set's tables while naming
 * them without a schema. Tokens and dead letters are named with their schema and stay shared.
 */
final class TableSetTransactions implements TransactionManager {

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;
    private final TableSet set;

    TableSetTransactions(TransactionManager delegate, JdbcTemplate jdbc, TableSet set) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.set = set;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            jdbc.queryForObject("select set_config('search_path', ?, true)", String.class, set.schema());
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
