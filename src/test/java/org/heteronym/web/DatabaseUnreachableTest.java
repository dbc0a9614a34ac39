package org.heteronym.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheChainIsUnreachable() {
        assertTrue(DatabaseUnreachable.causes(ClosedConnectionException.INSTANCE));
        assertTrue(DatabaseUnreachable.causes(new HibernateException(ClosedConnectionException.INSTANCE)));
        assertTrue(DatabaseUnreachable.causes(new ConnectException("Connection refused")));
        assertTrue(DatabaseUnreachable.causes(new HibernateException(new SocketException("Connection reset"))));
        assertTrue(DatabaseUnreachable.causes(new CompositeException(new IllegalStateException("rollback failed"),
                new HibernateException(ClosedConnectionException.INSTANCE))));
    }

    @Test
    void postgresqlShuttingDownStartingUpOrDroppingTheConnectionIsUnreachable() {
        for (String sqlState : new String[] {"57P01", "57P02", "57P03", "08006", "08003"}) {
            assertTrue(DatabaseUnreachable.causes(new HibernateException(pg(sqlState))), sqlState);
        }
    }

    @Test
    void anythingElseIsADefect() {
        assertFalse(DatabaseUnreachable.causes(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnreachable.causes(new HibernateException(new NullPointerException())));
        assertFalse(DatabaseUnreachable.causes(new CompositeException(new IllegalStateException("a"),
                new IllegalArgumentException("b"))));
        for (String sqlState : new String[] {"23505", "40001", "57014", "42P01"}) {
            assertFalse(DatabaseUnreachable.causes(pg(sqlState)), sqlState + " is an answer, not an absence");
        }
    }

    private static PgException pg(String sqlState) {
        return new PgException("from the server", "FATAL", sqlState, null);
    }
}
