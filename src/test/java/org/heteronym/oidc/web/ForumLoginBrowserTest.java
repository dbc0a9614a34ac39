package org.heteronym.oidc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.member.web.BrowserEnrollment;
import org.heteronym.oidc.OidcEndpoints;
import org.heteronym.oidc.TestForum;
import org.heteronym.testing.Browser;
import org.heteronym.testing.TestEpoch;
import org.junit.jupiter.api.Test;

/**
 * A forum login in headless Chromium: the member follows the forum's "log in" link (a cross-site navigation, so
 * the SameSite=Strict session is not sent), signs in with the passkey on the device, reads what the forum will
 * receive, consents, and lands on the forum's callback with a code the forum redeems; the next login skips consent.
 */
@QuarkusTest
class ForumLoginBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void signInAndConsentInARealBrowser() throws Exception {
        TestEpoch.current();
        String site = root.toString().replace("127.0.0.1", "localhost").replaceAll("/$", "");
        BlockingQueue<String> callbacks = new LinkedBlockingQueue<>();
        HttpServer forumSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try (TestHealthPki pki = TestHealthPki.start("Forum browser"); Browser browser = new Browser()) {
            int port = forumSite.getAddress().getPort();
            String clientId = "browser-" + Long.toHexString(System.nanoTime());
            TestForum forum = TestForum.register(clientId, List.of("physician"), true,
                    "http://127.0.0.1:" + port + "/cb");
            TestForum.Login login = TestForum.Login.fresh();
            String authorize = site + OidcEndpoints.AUTHORIZE + "?" + forum.authorizeParams(login).entrySet().stream()
                    .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            serve(forumSite, authorize, callbacks);

            BrowserEnrollment.registerAnchor(pki);
            BrowserEnrollment.enroll(browser, site, pki.physician("Léa Moreau", "10" + System.nanoTime() % 1_000_000));

            browser.open("http://127.0.0.1:" + port + "/");
            browser.await("#login").click();
            browser.awaitPath("/sign-in");
            browser.await("#sign-in").click();
            browser.awaitPath(OidcEndpoints.AUTHORIZE);
            assertEquals("Log in to Forum " + clientId + "?", browser.await("h1").getText());
            String released = browser.find("#released").getText();
            assertTrue(released.contains("physician"), released);
            assertFalse(browser.driver().getPageSource().contains("Moreau"));
            browser.find("#allow").click();
            browser.awaitPath("/cb");
            String code = codeFrom(callbacks.poll(20, TimeUnit.SECONDS), login);
            String sub = forum.token(code, login.verifier()).then().statusCode(200).extract().jsonPath()
                    .getString("id_token");
            assertTrue(sub.length() > 100);

            // the next login: the passkey again (the session does not cross sites), no consent page
            browser.open("http://127.0.0.1:" + port + "/");
            browser.await("#login").click();
            browser.awaitPath("/sign-in");
            browser.await("#sign-in").click();
            browser.awaitPath("/cb");
            assertTrue(callbacks.poll(20, TimeUnit.SECONDS).contains("code="));
        } finally {
            forumSite.stop(0);
        }
    }

    /** The forum: a page with its login link, and the callback, which records what it received. */
    private static void serve(HttpServer server, String authorize, BlockingQueue<String> callbacks) {
        server.createContext("/", exchange -> {
            byte[] page = ("<!DOCTYPE html><title>Forum</title><a id=\"login\" href=\""
                    + authorize.replace("&", "&amp;") + "\">Log in with Heteronym</a>").getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().equals("/cb")) {
                callbacks.add(exchange.getRequestURI().getRawQuery());
                page = "<!DOCTYPE html><title>Forum</title><p id=\"welcome\">Welcome".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    private static String codeFrom(String query, TestForum.Login login) {
        Map<String, String> params = TestForum.query(URI.create("http://x/?" + query));
        assertEquals(login.state(), params.get("state"));
        return params.get("code");
    }
}
