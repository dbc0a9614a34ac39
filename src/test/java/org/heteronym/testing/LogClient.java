package org.heteronym.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.heteronym.crypto.note.CheckpointVerifier;
import org.heteronym.crypto.note.NoteVerifier;
import org.heteronym.crypto.note.VerifiedCheckpoint;

/** The log's public API as a test sees it, through real HTTP. Every checkpoint it returns has been verified. */
public final class LogClient {

    private final String origin;

    public LogClient(String origin) {
        this.origin = origin;
    }

    public static LogClient forTestProfile() {
        return new LogClient("localhost/heteronym-test/log");
    }

    public String vkey() {
        return given().get("/log/v1/vkey").then().statusCode(200).extract().asString().strip();
    }

    public VerifiedCheckpoint checkpoint() {
        String note = given().get("/log/checkpoint").then().statusCode(200).extract().asString();
        try {
            return CheckpointVerifier.verify(note, NoteVerifier.fromVkey(vkey()), origin);
        } catch (Exception e) {
            throw new AssertionError("checkpoint does not verify: " + e.getMessage() + "\n" + note, e);
        }
    }

    /** Appends as operator without waiting and returns once the statement is committed. */
    public void append(String statement) {
        given().auth().oauth2(StaffTokens.operator()).contentType("application/json")
                .body(java.util.Map.of("statement", statement))
                .post("/admin/v1/log/statements").then().statusCode(202);
    }

    public JsonPath appendAndWait(String statement) {
        return given().auth().oauth2(StaffTokens.operator()).contentType("application/json")
                .body(java.util.Map.of("statement", statement))
                .post("/admin/v1/log/statements?wait=true").then().statusCode(201).extract().jsonPath();
    }

    /** Waits (bounded) until a checkpoint of at least {@code size} is published. */
    public VerifiedCheckpoint awaitSize(long size) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            int status = given().get("/log/checkpoint").statusCode();
            if (status == 200) {
                VerifiedCheckpoint checkpoint = checkpoint();
                if (checkpoint.size() >= size) {
                    return checkpoint;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no checkpoint of size " + size + " within 30 s");
            }
            sleep(20);
        }
    }

    public byte[] entry(long index) {
        String b64 = given().get("/log/v1/entries/" + index).then().statusCode(200).extract().path("entry");
        return Base64.getDecoder().decode(b64);
    }

    public static List<byte[]> hashes(List<String> base64) {
        return base64.stream().map(Base64.getDecoder()::decode).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
