package org.heteronym.persistence;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;

/** Recognises PostgreSQL's unique_violation (23505), the sign that a concurrent insert of the same key won. */
public final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /**
     * Hibernate Reactive reports the violation as a {@link SQLException} inside its own exception; the reactive client
     * used alone, as a {@link PgException}; a flush at commit, as Hibernate's {@link ConstraintViolationException}.
     * All are looked for along the cause chain.
     */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    || t instanceof ConstraintViolationException c
                    && c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }
}
