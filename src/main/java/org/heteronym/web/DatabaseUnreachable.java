package org.heteronym.web;

import io.smallrye.mutiny.CompositeException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;

/**
 * Whether a failure is a lost or refused database connection (PostgreSQL restarting, a network cut), which a client
 * should answer by trying again (503 with Retry-After), not a defect to report (500 with an incident).
 */
final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof ClosedConnectionException || e instanceof ConnectException) {
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
}
