package org.heteronym.web;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;

/**
 * Whether a failure is a lost or refused database connection (PostgreSQL restarting, a network cut), which a client
 * should answer by trying again (503 with Retry-After), not a defect to report (500 with an incident): a closed
 * connection, or a socket refused or reset (the driver surfaces a reset mid-statement as a bare SocketException).
 * PostgreSQL says so itself with SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutting down, crashed,
 * "the database system is starting up"), which a restart answers for its first seconds.
 */
final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof ClosedConnectionException || e instanceof SocketException
                    || e instanceof PgException pg && isServerAway(pg.getSqlState())) {
                return true;
            }
            if (e instanceof CompositeException composite) {
                return composite.getCauses().stream().anyMatch(DatabaseUnreachable::causes);
            }
            if (e.getCause() == e) {
                return false;
            }
        }
        return false;
    }

    private static boolean isServerAway(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
    }
}
