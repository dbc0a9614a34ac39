package org.heteronym.testing;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For end-to-end tests that point REST Assured's static port at a service process they started: puts back the port
 * it had before, so that a later test in the same JVM does not talk to a process that is gone.
 */
public final class RestoresRestAssuredPort implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RestoresRestAssuredPort.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("port", RestAssured.port);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RestAssured.port = context.getStore(NAMESPACE).get("port", Integer.class);
    }
}
