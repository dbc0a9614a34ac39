package org.heteronym.oidc;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The service on a fixed loopback port whose issuer URL is its real address, so that a relying-party library can be
 * given nothing but the issuer and find everything else by discovery.
 */
public class RealIssuerProfile implements QuarkusTestProfile {

    static final int PORT = port();
    static final String ISSUER = "http://localhost:" + PORT;

    @Override
    public Map<String, String> getConfigOverrides() {
        // profile-qualified, or the %test values in application.properties would win
        return Map.of("%test.quarkus.http.test-port", Integer.toString(PORT), "%test.heteronym.public-url", ISSUER);
    }

    /**
     * Quarkus loads this class in more than one class loader; a system property makes every copy agree on the port.
     */
    private static synchronized int port() {
        String chosen = System.getProperty("heteronym.test.real-issuer-port");
        if (chosen == null) {
            chosen = Integer.toString(freePort());
            System.setProperty("heteronym.test.real-issuer-port", chosen);
        }
        return Integer.parseInt(chosen);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
