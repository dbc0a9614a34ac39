package org.heteronym.member;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** A test class sharing one {@link MemberFixture}, started in its first test and closed after its last. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WithMemberFixture {

    protected MemberFixture fixture;

    /** RestAssured points at the application only once a test runs, so the fixture starts in the first one. */
    @BeforeEach
    void startFixture() throws Exception {
        if (fixture == null) {
            fixture = MemberFixture.start();
        }
    }

    @AfterAll
    void closeFixture() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }
}
