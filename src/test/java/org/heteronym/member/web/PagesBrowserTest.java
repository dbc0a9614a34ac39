package org.heteronym.member.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.heteronym.testing.Browser;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PagesBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void homePageLeadsToSignIn() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(root.toString().replace("127.0.0.1", "localhost"));
            assertEquals("Welcome · Heteronym", browser.driver().getTitle());
            browser.find("a.button.secondary").click();
            browser.awaitPath("/sign-in");
            assertTrue(browser.await("#sign-in").isDisplayed());
        }
    }
}
