package org.heteronym.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.member.WithMemberFixture;
import org.heteronym.oidc.TestForum;
import org.heteronym.testing.StaffTokens;
import org.heteronym.testing.TestEpoch;
import org.heteronym.testing.TrusteeRequests;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served API document, called as every role, against the table of who may reach it. An
 * operation missing from the table fails the test, so a new endpoint cannot ship without deciding who reaches it.
 * "Refused" means 401, 403, or a member page sending the caller to sign in; "reached" means anything else (a 404 for
 * a made-up id, a 400 for an empty body: the caller got past authentication and authorisation).
 */
@QuarkusTest
class AuthorizationMatrixTest extends WithMemberFixture {

    enum Role { ANONYMOUS, MEMBER, FORUM, OPERATOR, OFFICER, TRUSTEE }

    private static final Set<Role> ANYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who may reach each operation; every other role must be refused. Paths as in the API document. */
    private static final Map<String, Set<Role>> ALLOWED = table();

    private static Map<String, Set<Role>> table() {
        Map<String, Set<Role>> t = new LinkedHashMap<>();
        Set<Role> operator = EnumSet.of(Role.OPERATOR);
        for (String op : List.of("POST /admin/v1/ceremonies", "POST /admin/v1/court-anchors",
                "GET /admin/v1/court-anchors", "DELETE /admin/v1/court-anchors/{id}", "POST /admin/v1/forums",
                "GET /admin/v1/forums", "DELETE /admin/v1/forums/{id}", "GET /admin/v1/forums/{id}",
                "POST /admin/v1/forums/{id}/secret", "POST /admin/v1/licence-monitor/runs",
                "POST /admin/v1/licensing-authorities", "GET /admin/v1/licensing-authorities",
                "DELETE /admin/v1/licensing-authorities/{id}", "POST /admin/v1/log/statements",
                "POST /admin/v1/officers", "GET /admin/v1/officers", "DELETE /admin/v1/officers/{id}",
                "POST /admin/v1/trust-anchors", "GET /admin/v1/trust-anchors", "DELETE /admin/v1/trust-anchors/{id}",
                "POST /admin/v1/trustees", "GET /admin/v1/trustees")) {
            t.put(op, operator);
        }
        for (String op : List.of("GET /disclosure/v1/requests", "POST /disclosure/v1/requests",
                "GET /disclosure/v1/requests/{id}", "GET /disclosure/v1/requests/{id}/order",
                "POST /disclosure/v1/requests/{id}/withdraw")) {
            t.put(op, EnumSet.of(Role.OFFICER));
        }
        for (String op : List.of("GET /disclosure/v1/review/requests", "GET /disclosure/v1/review/requests/{id}",
                "GET /disclosure/v1/review/requests/{id}/order", "POST /disclosure/v1/review/requests/{id}/refusals",
                "POST /disclosure/v1/review/requests/{id}/shares")) {
            t.put(op, EnumSet.of(Role.TRUSTEE));
        }
        t.put("POST /disclosure/v1/objections", EnumSet.of(Role.FORUM));
        t.put("POST /oidc/token", EnumSet.of(Role.FORUM));
        t.put("POST /oidc/revoke", EnumSet.of(Role.FORUM));
        t.put("GET /me", EnumSet.of(Role.MEMBER));
        t.put("POST /me/disclosures/{id}/objection", EnumSet.of(Role.MEMBER));
        t.put("POST /oidc/authorize/consent", EnumSet.of(Role.MEMBER));
        // userinfo takes the access token a forum got for one member: none of the role credentials is one
        t.put("GET /oidc/userinfo", NOBODY);
        t.put("POST /oidc/userinfo", NOBODY);
        for (String op : List.of("GET /", "GET /.well-known/openid-configuration", "POST /enroll", "GET /enroll",
                "GET /enroll/challenge/{value}", "POST /enroll/passkey", "GET /enroll/passkey",
                "GET /enroll/passkey/options", "GET /escrow/v1/ceremonies/{id}",
                "GET /escrow/v1/ceremonies/{id}/round{round}", "PUT /escrow/v1/ceremonies/{id}/round{round}/{index}",
                "GET /escrow/v1/epochs/{id}", "GET /log/checkpoint", "GET /log/tile/{path}",
                "GET /log/v1/entries/{index}", "GET /log/v1/proof/consistency", "GET /log/v1/proof/inclusion",
                "GET /log/v1/vkey", "POST /oidc/authorize", "GET /oidc/authorize", "GET /oidc/jwks",
                "POST /sign-in", "GET /sign-in", "GET /sign-in/options", "POST /sign-out")) {
            t.put(op, ANYONE);
        }
        return t;
    }

    private MemberBrowserless member;
    private TestForum forum;
    private String officerToken;
    private TrusteeRequests trustee;

    @Test
    void everyOperationIsReachedByExactlyTheRolesOfTheTable() throws Throwable {
        setUpRoles();
        JsonNode document = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").asByteArray());
        Set<String> served = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                String key = method + " " + path.getKey();
                served.add(key);
                Set<Role> allowed = ALLOWED.get(key);
                if (allowed == null) {
                    wrong.add(key + ": not in the table; decide who may reach it");
                    continue;
                }
                String contentType = op.getValue().path("requestBody").path("content").fieldNames().hasNext()
                        ? op.getValue().path("requestBody").path("content").fieldNames().next() : null;
                for (Role role : Role.values()) {
                    Response response = call(role, method, concrete(path.getKey()), contentType, formFor(key));
                    boolean refused = refused(response);
                    if (refused == allowed.contains(role)) {
                        wrong.add(key + " as " + role + ": " + response.statusCode() + " (expected "
                                + (allowed.contains(role) ? "reached" : "refused") + ")");
                    }
                }
            }
        }
        Set<String> stale = new TreeSet<>(ALLOWED.keySet());
        stale.removeAll(served);
        stale.forEach(op -> wrong.add(op + ": in the table but not in the API document"));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(served.size() >= 60, "read the API document: " + served.size() + " operations");
    }

    private void setUpRoles() throws Throwable {
        member = fixture.enrolled(fixture.pki.physician("Matrix Member", org.heteronym.member.MemberFixture
                .freshLicence()));
        forum = TestForum.register("matrix", List.of("physician"), false);
        OfficerKeyPair key = OfficerKeyPair.generate(new SecureRandom());
        String subject = "matrix-officer-" + UUID.randomUUID();
        given().auth().oauth2(StaffTokens.operator()).contentType("application/json")
                .body(Map.of("subject", subject, "name", "Matrix officer",
                        "public_key", Base64.getEncoder().encodeToString(key.publicKey().encode())))
                .post("/admin/v1/officers").then().statusCode(201);
        officerToken = StaffTokens.of(subject, "legal-officer");
        TestEpoch epoch = TestEpoch.current();
        trustee = new TrusteeRequests(epoch.trusteeIds().getFirst(), epoch.staticKeys().getFirst());
    }

    /**
     * A form that gets past validation where the endpoint validates before it looks at the session: the consent form
     * answers a malformed authorization request with an error page (it cannot trust the redirect), so it gets a
     * well-formed one.
     */
    private Map<String, String> formFor(String operation) {
        if (!operation.equals("POST /oidc/authorize/consent")) {
            return Map.of("unused", "");
        }
        Map<String, String> form = new LinkedHashMap<>(forum.authorizeParams(TestForum.Login.fresh()));
        form.put("decision", "allow");
        return form;
    }

    private Response call(Role role, String method, String path, String contentType, Map<String, String> form) {
        byte[] body = contentType == null || contentType.contains("form") ? new byte[0]
                : contentType.contains("json") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[] {1};
        RequestSpecification request = switch (role) {
            case ANONYMOUS -> given();
            case MEMBER -> member.request();
            case FORUM -> given().auth().preemptive().basic(forum.clientId, forum.secret);
            case OPERATOR -> given().auth().oauth2(StaffTokens.operator());
            case OFFICER -> given().auth().oauth2(officerToken);
            case TRUSTEE -> given().header(TrusteeRequests.HEADER,
                    trustee.header(method, path, body, TrusteeRequests.now()));
        };
        request = request.redirects().follow(false).urlEncodingEnabled(false);
        if (contentType != null) {
            request = contentType.startsWith("multipart/") ? request.multiPart("unused", "")
                    : contentType.contains("form") ? request.contentType(contentType).formParams(form)
                    : contentType.contains("json") ? request.contentType(contentType).body("{}")
                    : request.contentType(contentType).body(body);
        }
        return request.request(method, path);
    }

    private static boolean refused(Response response) {
        int status = response.statusCode();
        String location = response.header("Location");
        // a member page or step sends the caller to sign in and back ("next"); sign-out's redirect is not a refusal
        return status == 401 || status == 403
                || (status == 303 || status == 302) && location != null && location.contains("/sign-in?next=");
    }

    /** The path with every parameter filled with something well formed that names nothing. */
    private static String concrete(String template) {
        return template.replace("{id}", UUID.randomUUID().toString()).replace("{value}", "x")
                .replace("round{round}", "round1").replace("{index}", "1").replace("{path}", "0/000");
    }
}
