package org.heteronym.disclosure;

import org.heteronym.member.WithMemberFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** A test class sharing one {@link DisclosureScenario} (court, anchor, epoch), started in its first test. */
abstract class WithDisclosureScenario extends WithMemberFixture {

    protected DisclosureScenario scenario;

    @BeforeEach
    void startScenario() throws Throwable {
        if (scenario == null) {
            scenario = DisclosureScenario.start();
            scenarioStarted();
        }
    }

    /** What a subclass sets up once, after the scenario. */
    void scenarioStarted() throws Throwable {
    }

    @AfterAll
    void closeScenario() {
        if (scenario != null) {
            scenario.close();
        }
    }
}
