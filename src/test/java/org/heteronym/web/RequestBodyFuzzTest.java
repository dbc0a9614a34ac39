package org.heteronym.web;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.heteronym.credential.rest.LicensingAuthorityAdminResource;
import org.heteronym.credential.rest.TrustAnchorAdminResource;
import org.heteronym.disclosure.rest.CourtAnchorAdminResource;
import org.heteronym.disclosure.rest.OfficerAdminResource;
import org.heteronym.escrow.rest.CeremonyAdminResource;
import org.heteronym.escrow.rest.TrusteeAdminResource;
import org.heteronym.forum.rest.ForumAdminResource;
import org.heteronym.log.rest.StatementResource;
import org.heteronym.testing.Fuzzing;
import org.junit.jupiter.api.Tag;

/**
 * Every JSON request body of the REST resources, read with the service's ObjectMapper settings. Contract: a value
 * or Jackson's JsonProcessingException (ProblemMappers answers 400); anything else would be a 500.
 */
@Tag("jazzer")
class RequestBodyFuzzTest {

    static final List<Class<?>> BODIES = List.of(
            LicensingAuthorityAdminResource.AuthorityRequest.class,
            TrustAnchorAdminResource.TrustAnchorRequest.class,
            CourtAnchorAdminResource.AnchorRequest.class,
            OfficerAdminResource.OfficerRequest.class,
            CeremonyAdminResource.CeremonyRequest.class,
            TrusteeAdminResource.TrusteeRequest.class,
            ForumAdminResource.ForumRequest.class,
            StatementResource.StatementRequest.class);

    @FuzzTest(maxDuration = "3s")
    void bodies(FuzzedDataProvider data) {
        Class<?> type = data.pickValue(BODIES);
        Fuzzing.parseOrRefuse(data.consumeRemainingAsBytes(), type);
    }
}
